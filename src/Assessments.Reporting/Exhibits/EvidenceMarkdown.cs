using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting.Exhibits;

/// <summary>Evidence as Markdown, in the same order as report.html: failures first and marked, passing ones counted.</summary>
public static class EvidenceMarkdown
{
    public static void Render(StringBuilder md, IReadOnlyList<Evidence> evidence)
    {
        var groups = EvidenceGroups.Of(evidence);
        foreach (var shown in groups.Failing)
        {
            md.AppendLine($"- ❌ **failing:** {Summaries(shown)}");
            Body(md, shown.First, ReproScript.For(shown));
        }

        foreach (var shown in groups.Facts)
        {
            md.AppendLine($"- {Summaries(shown)}");
            Body(md, shown.First, shown.First.Exchange?.Curl);
        }

        if (groups.PassingExample is { } example)
        {
            md.AppendLine($"- ✅ {groups.PassingCount} passing piece(s) of evidence, for example: {ReportText.Cell(example.Summary)}");
            Body(md, example, example.Exchange?.Curl);
        }
    }

    public static void Lines(StringBuilder md, IReadOnlyList<string> lines, string indent = "")
    {
        md.AppendLine($"{indent}```text");
        foreach (var line in lines.TakeLast(30))
        {
            md.AppendLine(indent + LogText.Clean(line).Replace("```", "ʼʼʼ"));
        }

        md.AppendLine($"{indent}```").AppendLine();
    }

    private static string Summaries(ShownEvidence shown)
    {
        var text = string.Join("; ", shown.Summaries.Select(ReportText.Cell));
        if (shown.First.Value is { } value)
        {
            text += $" **{value:0.##} {shown.First.Unit}**";
        }

        return shown.Count > 1 ? $"{text} (× {shown.Count}, identical)" : text;
    }

    private static void Body(StringBuilder md, Evidence e, string? repro)
    {
        if (e.Exchange is { } x)
        {
            md.AppendLine().AppendLine("  ```sh");
            foreach (var line in (repro ?? x.Curl).Split('\n'))
            {
                md.AppendLine($"  {line.Replace("```", "ʼʼʼ")}");
            }

            md.AppendLine("  ```");
            if (x.Response is { } resp && !string.IsNullOrEmpty(resp.Body))
            {
                var body = resp.Body.Length > 600 ? resp.Body[..600] + "…" : resp.Body;
                md.AppendLine($"  Response {resp.Status}: `{ReportText.Cell(body.ReplaceLineEndings(" "))}`");
            }

            md.AppendLine();
        }
        else if (e.Lines is { Count: > 0 } lines)
        {
            md.AppendLine();
            Lines(md, lines, indent: "  ");
        }
    }
}
