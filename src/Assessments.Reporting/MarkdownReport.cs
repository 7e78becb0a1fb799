using System.Text;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Load.Output;

namespace Assessments.Reporting;

/// <summary>report.md: the report for a terminal, a pull request or an e-mail.</summary>
public static class MarkdownReport
{
    public static string Render(GradingReport r)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {r.Challenge.Title} — {ReportView.Headline(r)}").AppendLine();
        md.AppendLine($"- **Status:** `{r.Status.ToName()}`");
        md.AppendLine($"- **Level:** `{r.Level.ToName()}` · **Score:** {r.Score}/100");
        md.AppendLine($"- **Challenge:** `{r.Challenge.Id}` v{r.Challenge.Version} · **Rubric:** {r.RubricVersion}");
        md.AppendLine($"- **Submission:** {Cell(r.Submission.Name)} ({r.Submission.Files} files, {r.Submission.Bytes:N0} bytes), sha256 `{r.Submission.Sha256}`");
        md.AppendLine($"- **Graded in:** {r.Timings.TotalMs / 1000:0.0} s ({string.Join(", ", r.Timings.PhasesMs.Select(p => $"{p.Key} {p.Value / 1000:0.0} s"))})");
        md.AppendLine();

        if (r.LevelReasons.Count > 0)
        {
            md.AppendLine("## Why not higher").AppendLine();
            foreach (var reason in r.LevelReasons)
            {
                md.AppendLine($"- {LogText.Clean(reason)}");
            }

            md.AppendLine();
        }

        if (r.Failure is { } f)
        {
            md.AppendLine($"## What went wrong ({f.Phase})").AppendLine();
            md.AppendLine(LogText.Clean(f.Message) + (f.ExitCode is { } code ? $" (exit code {code})" : string.Empty)).AppendLine();
            AppendLines(md, f.LogTail);
        }

        if (ReportView.ChecksBeforeFault(r) is { Count: > 0 } before)
        {
            md.AppendLine("## Checks before the fault (not scored)").AppendLine();
            foreach (var c in before)
            {
                md.AppendLine($"- {(c.Passed ? "✅" : "❌")} `{Cell(c.Id)}`: {Cell(c.Summary)}");
            }

            md.AppendLine();
        }

        if (r.SandboxEvents.Count > 0)
        {
            md.AppendLine("## Limits reached").AppendLine();
            foreach (var e in r.SandboxEvents)
            {
                AppendEvidence(md, e);
            }

            md.AppendLine();
        }

        md.AppendLine("## Competencies").AppendLine().AppendLine("| Competency | Points |").AppendLine("|---|---|");
        foreach (var (competency, points, max) in ReportView.Competencies(r))
        {
            md.AppendLine($"| {Cell(competency)} | {points}/{max} |");
        }

        md.AppendLine().AppendLine("## Criteria").AppendLine();
        foreach (var c in ReportView.CriteriaFailuresFirst(r))
        {
            md.AppendLine($"### {(c.Passed ? "✅" : "❌")} {Cell(c.Title)} — {c.Points}/{c.MaxPoints}").AppendLine();
            md.AppendLine($"`{c.Id}` · {c.Competency}").AppendLine();
            foreach (var e in c.Evidence)
            {
                AppendEvidence(md, e);
            }
        }

        if (LoadView.Result(r) is { } load)
        {
            md.AppendLine("## Under load").AppendLine().AppendLine(LoadResultWriter.ToMarkdown(load)).AppendLine();
        }

        md.Append(BaselineView.Markdown(r));

        InsightView.Markdown(md, r.Insight);
        TimingsView.Markdown(md, r);
        md.AppendLine("## Environment").AppendLine();
        md.AppendLine($"Runner {r.Environment.RunnerVersion}, Docker {r.Environment.DockerVersion}, {r.Environment.Os}, {r.Environment.ProcessorCount} CPUs.").AppendLine();
        md.AppendLine(string.Join(" · ", r.Environment.Limits.Select(l => $"{l.Key}={l.Value}"))).AppendLine();
        return md.ToString();
    }

    private static void AppendEvidence(StringBuilder md, Evidence e)
    {
        md.AppendLine($"- {Cell(e.Summary)}");
        if (e.Exchange is { } x)
        {
            md.AppendLine().AppendLine("  ```sh").AppendLine($"  {x.Curl}").AppendLine("  ```");
            if (x.Response is { } resp && !string.IsNullOrEmpty(resp.Body))
            {
                var body = resp.Body.Length > 600 ? resp.Body[..600] + "…" : resp.Body;
                md.AppendLine($"  Response {resp.Status}: `{Cell(body.ReplaceLineEndings(" "))}`");
            }

            md.AppendLine();
        }
        else if (e.Lines is { Count: > 0 } lines)
        {
            md.AppendLine();
            AppendLines(md, lines, indent: "  ");
        }
    }

    private static void AppendLines(StringBuilder md, IReadOnlyList<string> lines, string indent = "")
    {
        md.AppendLine($"{indent}```text");
        foreach (var line in lines.TakeLast(30))
        {
            md.AppendLine(indent + LogText.Clean(line).Replace("```", "ʼʼʼ"));
        }

        md.AppendLine($"{indent}```").AppendLine();
    }

    private static string Cell(string text) => LogText.Clean(text).Replace("|", "\\|").Replace("`", "ʼ");
}
