using System.Globalization;
using System.Text;
using Assessments.Domain.Rubrics;
using YamlDotNet.RepresentationModel;

namespace Assessments.Submissions.Kits;

/// <summary>
/// The machine-readable half of a candidate kit: the challenge's own files with everything hidden cut
/// out, so that the kit is itself a challenge folder <c>assess check</c> loads like any other.
/// Cut: the references and samples, the hidden scenarios, the rubric beyond the visible checks' points,
/// and the load thresholds relative to the reference (measured on the grading machine only).
/// </summary>
internal static class KitSpecFiles
{
    private static readonly YamlScalarNode Visibility = new("visibility");

    public static string Manifest(string manifestYaml)
    {
        var (stream, root) = Parse(manifestYaml);
        root.Children.Remove(new YamlScalarNode("references"));
        root.Children.Remove(new YamlScalarNode("moreReferences"));
        root.Children.Remove(new YamlScalarNode("samples"));
        if (root.Children.TryGetValue(new YamlScalarNode("load"), out var loadNode) && loadNode is YamlMappingNode load)
        {
            load.Children.Remove(new YamlScalarNode("baseline"));
            if (load.Children.TryGetValue(new YamlScalarNode("thresholds"), out var node) && node is YamlSequenceNode thresholds)
            {
                var absolute = thresholds.Children.Where(t => !IsRelative(t)).ToList();
                load.Children[new YamlScalarNode("thresholds")] = new YamlSequenceNode(absolute);
            }
        }

        return Header("How the grader runs your service (read by `assess check`).") + Save(stream);
    }

    /// <summary>The visible scenarios only, each also as its own YAML text for the readable list.</summary>
    public static (string Yaml, IReadOnlyDictionary<string, string> ById) Scenarios(string scenariosYaml)
    {
        var (stream, root) = Parse(scenariosYaml);
        var all = (YamlSequenceNode)root.Children[new YamlScalarNode("scenarios")];
        var visible = all.Children.OfType<YamlMappingNode>()
            .Where(s => s.Children.TryGetValue(Visibility, out var v) && v is YamlScalarNode { Value: "visible" })
            .ToList();
        root.Children[new YamlScalarNode("scenarios")] = new YamlSequenceNode(visible);
        var byId = visible.ToDictionary(
            s => ((YamlScalarNode)s.Children[new YamlScalarNode("id")]).Value!,
            s => Save(new YamlStream(new YamlDocument(s.Children[new YamlScalarNode("steps")]))),
            StringComparer.Ordinal);
        return (Header("The visible checks, run in this order (read by `assess check`; CHECKS.md explains them).") + Save(stream), byId);
    }

    public static string Rubric(Rubric visible)
    {
        var yaml = new StringBuilder(Header("The points the visible checks carry in the platform's rubric. The rubric has more criteria, with hidden checks, and the level gates; they are not in the kit."));
        yaml.Append("version: \"").Append(visible.Version).Append("\"\ncriteria:\n");
        foreach (var c in visible.Criteria)
        {
            yaml.Append("  - id: ").Append(c.Id).Append('\n')
                .Append("    title: ").Append(Quote(c.Title)).Append('\n')
                .Append("    competency: ").Append(c.Competency).Append('\n')
                .Append("    points: ").Append(c.Points.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("    partial: ").Append(c.Partial ? "true" : "false").Append('\n')
                .Append("    checks: [").Append(string.Join(", ", c.Checks)).Append("]\n");
        }

        // The loader wants a gate; no level is ever decided from the visible checks alone.
        return yaml.Append("levels:\n  junior: { minScore: 100, requires: [] }\n").ToString();
    }

    private static bool IsRelative(YamlNode threshold) =>
        threshold is YamlScalarNode { Value: { } text } && !RunnerCheckDescriptions.IsAbsolute(text);

    private static (YamlStream Stream, YamlMappingNode Root) Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (stream, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    private static string Save(YamlStream stream)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString().TrimEnd();
        return (text.EndsWith("...", StringComparison.Ordinal) ? text[..^3].TrimEnd() : text) + "\n";
    }

    private static string Header(string line) => $"# Generated for the candidate kit. {line}\n";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
