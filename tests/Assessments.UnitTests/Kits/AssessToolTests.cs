using System.Text;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scenarios;

namespace Assessments.UnitTests.Kits;

/// <summary>
/// The `assess` tool goes to candidates (as a .NET tool and a single file); it must carry no challenge:
/// no hidden scenario, rubric or reference travels in its files. Reads the tool's build output, which
/// is exactly what `dotnet pack` and the single-file publish put together.
/// </summary>
public sealed class AssessToolTests
{
    [Fact]
    public void The_assess_tool_holds_no_hidden_scenario_rubric_or_reference()
    {
        var output = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src", "Assessments.Cli", "bin"), "net10.0", SearchOption.AllDirectories)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "assess.dll")));
        Assert.True(output is not null, "build the solution first: no src/Assessments.Cli/bin/*/net10.0/assess.dll");
        var files = Directory.EnumerateFiles(output!, "*", SearchOption.AllDirectories).ToList();

        Assert.DoesNotContain(files, f => Path.GetFileName(f) is "scenarios.yaml" or "rubric.yaml" or "challenge.yaml" or "brief.md");
        var secrets = new List<string>();
        foreach (var id in new[] { "api-design", "caching", "queues" })
        {
            var challenge = ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", id));
            secrets.AddRange(challenge.Scenarios.Where(s => s.Visibility == Visibility.Hidden).Select(s => s.Title));
            secrets.AddRange(challenge.Rubric.Criteria.Select(c => c.Title));
            secrets.AddRange(challenge.References.SelectMany(r => Directory.EnumerateFiles(r.Directory, "Program.cs", SearchOption.AllDirectories)).Select(FirstDistinctiveLine));
        }

        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            // Strings in an assembly are UTF-16 at either byte alignment; resources are UTF-8.
            var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes) + (bytes.Length > 1 ? Encoding.Unicode.GetString(bytes, 1, bytes.Length - 1) : string.Empty);
            var found = secrets.Where(s => s.Length > 20 && text.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 0, $"{Path.GetFileName(file)} carries challenge material: {string.Join(" | ", found)}");
        }
    }

    // A reference's longest code line: specific to it, unlike usings and braces.
    private static string FirstDistinctiveLine(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("using", StringComparison.Ordinal)).MaxBy(l => l.Length) ?? string.Empty;
}
