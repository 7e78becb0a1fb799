using System.Text;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Load.Output;
using Assessments.Reporting.Exhibits;
using Assessments.Reporting.Summary;

namespace Assessments.Reporting;

/// <summary>report.md: the report for a terminal, a pull request or an e-mail; the verdict first, then the details.</summary>
public static class MarkdownReport
{
    public static string Render(GradingReport r, LevelOverride? levelOverride = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {r.Challenge.Title} — {ReportView.Headline(r, levelOverride)}").AppendLine();
        VerdictMarkdown.Render(md, r, Verdict.Of(r, levelOverride));
        md.AppendLine($"- **Status:** `{r.Status.ToName()}` · **Challenge:** `{r.Challenge.Id}` v{r.Challenge.Version} · **Rubric:** {r.RubricVersion}");
        md.AppendLine($"- **Submission:** {Cell(r.Submission.Name)} ({r.Submission.Files} files, {r.Submission.Bytes:N0} bytes), sha256 `{r.Submission.Sha256}`");
        md.AppendLine($"- **Graded in:** {r.Timings.TotalMs / 1000:0.0} s ({string.Join(", ", r.Timings.PhasesMs.Select(p => $"{p.Key} {p.Value / 1000:0.0} s"))})");
        md.AppendLine();

        if (r.Failure is { } f)
        {
            md.AppendLine($"## What went wrong ({f.Phase})").AppendLine();
            md.AppendLine(LogText.Clean(f.Message) + (f.ExitCode is { } code ? $" (exit code {code})" : string.Empty)).AppendLine();
            EvidenceMarkdown.Lines(md, f.LogTail);
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
            EvidenceMarkdown.Render(md, r.SandboxEvents);
            md.AppendLine();
        }

        if (Verdict.IsFailureShaped(r))
        {
            md.AppendLine("## Criteria").AppendLine().AppendLine($"None of the {r.Criteria.Count} criteria was evaluated: {ReportView.Headline(r).ToLowerInvariant()}.").AppendLine();
        }
        else
        {
            Criteria(md, r);
        }

        if (LoadView.Result(r) is { } load)
        {
            md.AppendLine("## Under load").AppendLine().AppendLine(LoadResultWriter.ToMarkdown(load, LoadView.Context(r, load))).AppendLine();
        }

        md.Append(BaselineView.Markdown(r));

        InsightView.Markdown(md, r.Insight);
        TimingsView.Markdown(md, r);
        md.AppendLine("## Environment").AppendLine();
        md.AppendLine($"Runner {r.Environment.RunnerVersion}, Docker {r.Environment.DockerVersion}, {r.Environment.Os}, {r.Environment.ProcessorCount} CPUs.").AppendLine();
        md.AppendLine(string.Join(" · ", r.Environment.Limits.Select(l => $"{l.Key}={l.Value}"))).AppendLine();
        return md.ToString();
    }

    private static void Criteria(StringBuilder md, GradingReport r)
    {
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
            if (!c.Passed)
            {
                md.AppendLine($"**Why:** {Cell(Verdict.ReasonOf(c))}").AppendLine();
            }

            EvidenceMarkdown.Render(md, c.Evidence);
            md.AppendLine();
        }
    }

    private static string Cell(string text) => ReportText.Cell(text);
}
