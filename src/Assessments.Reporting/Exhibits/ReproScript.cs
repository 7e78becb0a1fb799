using System.Text;

namespace Assessments.Reporting.Exhibits;

/// <summary>
/// A failing scenario step as a shell script: the earlier steps' requests first, as the grading sent
/// them (the ids and Locations captured from their responses already substituted), then the failing one.
/// </summary>
public static class ReproScript
{
    /// <summary>Scenario step evidence is labelled "step N: …" or "step N (kind): …".</summary>
    public static bool IsStep(string summary) =>
        summary.StartsWith("step ", StringComparison.Ordinal) && summary.Length > 5 && char.IsDigit(summary[5]);

    public static string For(ShownEvidence failing)
    {
        if (failing.First.Exchange is not { } x)
        {
            return string.Empty;
        }

        if (failing.Repro.Count == 0)
        {
            return x.Curl;
        }

        var script = new StringBuilder();
        script.AppendLine("#!/bin/sh");
        script.AppendLine("# Against a local run (docker run -p 8080:8080 …). The earlier steps come first: the failing");
        script.AppendLine("# request uses what they created, with the values this grading captured substituted.");
        foreach (var step in failing.Repro)
        {
            script.AppendLine($"# {Label(step.Summary)}");
            script.AppendLine(step.Exchange!.Curl);
        }

        script.AppendLine($"# {Label(failing.First.Summary)}: the failing request");
        script.Append(x.Curl);
        return script.ToString();
    }

    /// <summary>"step 2: DELETE /products/6: as expected (204)" → "step 2: DELETE /products/6".</summary>
    private static string Label(string summary)
    {
        var parts = summary.Split(": ", 3);
        var label = parts.Length >= 2 ? $"{parts[0]}: {parts[1]}" : summary;
        return label.ReplaceLineEndings(" ");
    }
}
