using System.Net;
using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>
/// The code-insight section of both human reports: findings (most severe first) with their snippet
/// and why they matter, then metrics. Snippets are submission text: cleaned and encoded like logs.
/// </summary>
internal static class InsightView
{
    private const int MaxFindingsShown = 40;
    private const string Caveat = "Read from the source, never run: advice with evidence for the interviewer, not a verdict.";

    public static void Markdown(StringBuilder md, CodeInsight? insight)
    {
        if (insight is null)
        {
            return;
        }

        md.AppendLine("## Code insight").AppendLine().AppendLine(Caveat).AppendLine();
        if (!insight.Analyzed)
        {
            md.AppendLine($"Not analysed: {Cell(insight.Reason ?? "no reason given")}.").AppendLine();
            return;
        }

        var note = FindingsNote.For(insight);
        md.AppendLine(insight.FindingsRan
            ? $"{insight.Findings.Count} finding(s) ({Counts(insight)}), {insight.Mode} analysis in {insight.DurationMs / 1000:0.0} s.{(note is null ? string.Empty : " " + Cell(note))}"
            : $"{Cell(note ?? FindingsNote.ForLanguages(insight))} Metrics read in {insight.DurationMs / 1000:0.0} s.").AppendLine();
        if (insight.Findings.Count > 0)
        {
            md.AppendLine("| Severity | Finding | Where | Competency |").AppendLine("|---|---|---|---|");
            foreach (var f in insight.Findings.Take(MaxFindingsShown))
            {
                md.AppendLine($"| {f.Severity} | {Cell(f.Title)}: `{Cell(f.Snippet)}` — {Cell(f.Why)} | {Cell(f.File)}:{f.Line} | {f.Competency} |");
            }

            md.AppendLine();
        }

        if (insight.Metrics is { } m)
        {
            md.AppendLine($"**Metrics:** {Count(m.Files, "file")}, {m.CodeLines:N0} lines of code ({m.Lines:N0} in all), {m.Types} types, {m.Methods} {Units(insight)}; cyclomatic complexity mean {m.Complexity.Mean:0.0}, median {m.Complexity.Median}, p90 {m.Complexity.P90}, max {m.Complexity.Max} ({string.Join(", ", m.Complexity.Buckets.Select(b => $"{b.Key}: {b.Value}"))}); tests: {m.Tests.Methods} test methods in {m.Tests.Projects} test project(s).").AppendLine();
        }

        foreach (var limit in insight.LimitsReached)
        {
            md.AppendLine($"- Limit reached: {Cell(limit)}");
        }

        md.AppendLine();
    }

    public static void Html(StringBuilder h, CodeInsight? insight)
    {
        if (insight is null)
        {
            return;
        }

        h.Append($"<h2>Code insight</h2><p class=\"muted\">{E(Caveat)}</p>");
        if (!insight.Analyzed)
        {
            h.Append($"<p>Not analysed: {E(insight.Reason ?? "no reason given")}.</p>");
            return;
        }

        var note = FindingsNote.For(insight);
        h.Append(insight.FindingsRan
            ? $"<p>{insight.Findings.Count} finding(s) ({E(Counts(insight))}), {E(insight.Mode)} analysis in {insight.DurationMs / 1000:0.0} s.{(note is null ? string.Empty : " " + E(note))}</p>"
            : $"<p>{E(note ?? FindingsNote.ForLanguages(insight))} Metrics read in {insight.DurationMs / 1000:0.0} s.</p>");
        foreach (var f in insight.Findings.Take(MaxFindingsShown))
        {
            var css = f.Severity == FindingSeverity.High ? "fail" : "muted";
            h.Append($"<details{(f.Severity == FindingSeverity.High ? " open" : string.Empty)}><summary><span class=\"{css}\">{E(f.Severity)}</span> <strong>{E(f.Title)}</strong> ");
            h.Append($"<span class=\"muted\">{E(f.File)}:{f.Line} · {E(f.Competency)} · {E(f.Rule)}</span></summary>");
            h.Append($"<pre>{E(f.Snippet)}</pre><p>{E(f.Why)}</p></details>");
        }

        if (insight.Metrics is { } m)
        {
            h.Append("<table>");
            Row(h, "size", $"{Count(m.Files, "file")}, {m.CodeLines:N0} lines of code ({m.Lines:N0} in all), {m.Types} types, {m.Methods} {Units(insight)}");
            Row(h, "cyclomatic complexity", $"mean {m.Complexity.Mean:0.0}, median {m.Complexity.Median}, p90 {m.Complexity.P90}, max {m.Complexity.Max}; {string.Join(", ", m.Complexity.Buckets.Select(b => $"{b.Key}: {b.Value}"))}");
            Row(h, "most complex", string.Join("; ", m.Complexity.MostComplex.Select(c => $"{c.Method} ({c.File}:{c.Line}) {c.Complexity}")));
            Row(h, "own tests", $"{Count(m.Tests.Methods, "test method")} in {Count(m.Tests.Files, "file")}, {m.Tests.Projects} test project(s)");
            h.Append("</table>");
        }

        foreach (var limit in insight.LimitsReached)
        {
            h.Append($"<p class=\"muted\">Limit reached: {E(limit)}</p>");
        }
    }

    /// <summary>Python and Go have functions rather than methods; metrics count both the same way.</summary>
    private static string Units(CodeInsight insight) =>
        insight.Languages is null || insight.Languages.All(l => l == "csharp") ? "methods" : "functions";

    private static string Counts(CodeInsight insight) =>
        string.Join(", ", new[] { FindingSeverity.High, FindingSeverity.Medium, FindingSeverity.Low }.Select(s => $"{insight.Findings.Count(f => f.Severity == s)} {s}"));

    private static void Row(StringBuilder h, string name, string value) =>
        h.Append($"<tr><th scope=\"row\">{E(name)}</th><td>{E(value)}</td></tr>");

    private static string Cell(string text) => LogText.Clean(text).Replace("|", "\\|").Replace("`", "ʼ");

    private static string E(string text) => WebUtility.HtmlEncode(LogText.Clean(text));

    /// <summary>"1 file", "3 files".</summary>
    private static string Count(int n, string thing) => n == 1 ? $"1 {thing}" : $"{n:N0} {thing}s";
}
