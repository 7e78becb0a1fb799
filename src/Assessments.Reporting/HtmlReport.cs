using System.Text;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Load.Output;
using Assessments.Reporting.Exhibits;
using Assessments.Reporting.Summary;

namespace Assessments.Reporting;

/// <summary>
/// report.html: one self-contained page (no scripts, no external resources) an interviewer can open
/// from disk or an e-mail. Every piece of submission-controlled text is cleaned and HTML-encoded.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;margin:1.2rem auto;max-width:60rem;padding:0 1rem;color:#1d232a;overflow-wrap:anywhere}
        h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .badge{display:inline-block;padding:.1rem .6rem;border-radius:1rem;font-weight:600;background:#ddf4ff}
        .badge.big{font-size:1.3rem;padding:.15rem .9rem}.score{font-size:1.3rem;margin-left:.6rem}
        .verdict{border:1px solid #d0d7de;border-radius:8px;padding:.6rem 1rem;background:#fbfcfd}
        .verdict p{margin:.35rem 0}.levels .label{color:#57606a;margin-right:.3rem}
        .override{background:#fff8c5;padding:.3rem .5rem;border-radius:4px}
        ul.oneline,ul.gates{margin:.2rem 0 .6rem;padding-left:1.2rem}ul.oneline li{margin:.25rem 0}
        .reason{color:#3d444d;font-size:14px}
        .pass{color:#116329}.fail{color:#a40e26}
        .bar{background:#eaeef2;border-radius:4px;height:.8rem;width:min(20rem,35vw);display:inline-block;vertical-align:middle}
        .bar>span{display:block;height:100%;border-radius:4px;background:#2da44e}
        pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;font-size:13px;white-space:pre-wrap;word-break:break-all;margin:.3rem 0}
        details{margin:.4rem 0 .8rem}summary{cursor:pointer}
        .evidence{margin:.4rem 0}.evidence.failing{border-left:4px solid #a40e26;padding-left:.6rem}
        .count{background:#eaeef2;border-radius:1rem;padding:0 .5rem;font-size:13px}
        details.passing{border-left:4px solid #2da44e;padding-left:.6rem}
        table{border-collapse:collapse;max-width:100%}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eaeef2;vertical-align:top}th[scope=row]{overflow-wrap:normal}
        caption{text-align:left;color:#57606a}
        .muted{color:#57606a;font-size:13px}
        .scroll{overflow-x:auto;max-width:100%}svg{max-width:100%;height:auto}
        """;

    public static string Render(GradingReport r, LevelOverride? levelOverride = null, bool withVerdict = true)
    {
        var verdict = Verdict.Of(r, levelOverride);
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\">");
        h.Append($"<title>{E(r.Challenge.Title)} — {E(ReportView.Headline(r, levelOverride))}</title><style>{Style}</style></head><body>");
        h.Append($"<h1>{E(r.Challenge.Title)}: {E(ReportView.Headline(r, levelOverride))}</h1>");
        if (withVerdict)
        {
            VerdictHtml.Render(h, r, verdict);
        }
        h.Append($"<p class=\"muted\">Status <code>{r.Status.ToName()}</code> · challenge <code>{E(r.Challenge.Id)}</code> v{E(r.Challenge.Version)} · rubric {E(r.RubricVersion)} · ");
        h.Append($"submission {E(r.Submission.Name)} · {r.Submission.Files} files · {r.Submission.Bytes:N0} bytes · sha256 <code title=\"{E(r.Submission.Sha256)}\">{E(Short(r.Submission.Sha256))}</code> · graded in {r.Timings.TotalMs / 1000:0.0} s</p>");

        if (r.Failure is { } f)
        {
            // A build or start failure is one cause with one log: shown once, not under every criterion.
            h.Append($"<h2>What went wrong ({E(f.Phase)})</h2><p class=\"fail\" id=\"failure-cause\">{E(f.Message)}");
            h.Append(f.ExitCode is { } code ? $" — exit code {code}" : string.Empty).Append("</p>");
            Lines(h, f.LogTail);
        }

        if (ReportView.ChecksBeforeFault(r) is { Count: > 0 } before)
        {
            h.Append("<h2>Checks before the fault (not scored)</h2>");
            foreach (var c in before)
            {
                h.Append($"<details><summary><span class=\"{(c.Passed ? "pass" : "fail")}\">{(c.Passed ? "✔" : "✘")}</span> {E(c.Title)} <span class=\"muted\">{E(c.Id)}</span> — {E(c.Summary)}</summary>");
                EvidenceHtml.Render(h, c.Evidence);
                h.Append("</details>");
            }
        }

        if (r.SandboxEvents.Count > 0)
        {
            h.Append("<h2>Limits reached</h2>");
            EvidenceHtml.Render(h, r.SandboxEvents);
        }

        if (Verdict.IsFailureShaped(r))
        {
            h.Append($"<h2>Criteria</h2><p id=\"not-evaluated\">None of the {r.Criteria.Count} criteria was evaluated: {E(ReportView.Headline(r, null).ToLowerInvariant())}.</p>");
        }
        else
        {
            Criteria(h, r);
        }

        if (LoadView.Result(r) is { } load)
        {
            // The engine's fragment: numbers and inline SVG it generated itself, nothing from the submission.
            h.Append("<h2>Under load</h2>").Append(LoadResultWriter.ToHtmlFragment(load, LoadView.Context(r, load)));
        }

        h.Append(BaselineView.Html(r));

        InsightView.Html(h, r.Insight);
        TimingsView.Html(h, r);
        Logs(h, "Build log (tail)", Verdict.IsFailureShaped(r) && r.Failure?.LogTail.SequenceEqual(r.BuildLogTail) == true ? [] : r.BuildLogTail);
        Logs(h, "Service log (tail)", Verdict.IsFailureShaped(r) && r.Failure?.LogTail.SequenceEqual(r.ServiceLogTail) == true ? [] : r.ServiceLogTail);
        h.Append("<h2>Environment</h2><p class=\"muted\">");
        h.Append($"Runner {E(r.Environment.RunnerVersion)} · Docker {E(r.Environment.DockerVersion)} · {E(r.Environment.Os)} · {r.Environment.ProcessorCount} CPUs<br>");
        h.Append(E(string.Join(" · ", r.Environment.Limits.Select(l => $"{l.Key}={l.Value}"))));
        h.Append("</p></body></html>");
        return h.ToString();
    }

    private static void Criteria(StringBuilder h, GradingReport r)
    {
        h.Append("<h2>Competencies</h2><div class=\"scroll\"><table id=\"competencies\">");
        foreach (var (competency, points, max) in ReportView.Competencies(r))
        {
            var percent = max == 0 ? 0 : 100 * points / max;
            h.Append($"<tr><th scope=\"row\">{E(competency)}</th><td><span class=\"bar\" role=\"img\" aria-label=\"{percent}%\"><span style=\"width:{percent}%\"></span></span></td><td>{points}/{max}</td></tr>");
        }

        h.Append("</table></div><h2>Criteria</h2>");
        foreach (var c in ReportView.CriteriaFailuresFirst(r))
        {
            h.Append($"<details id=\"c-{E(c.Id)}\"{(c.Passed ? string.Empty : " open")}><summary><span class=\"{(c.Passed ? "pass" : "fail")}\">{(c.Passed ? "✔" : "✘")}</span> ");
            h.Append($"<strong>{E(c.Title)}</strong> — {c.Points}/{c.MaxPoints} <span class=\"muted\">{E(c.Id)} · {E(c.Competency)}</span></summary>");
            if (!c.Passed)
            {
                h.Append($"<p class=\"reason\"><strong>Why:</strong> {E(Verdict.ReasonOf(c))}</p>");
            }

            EvidenceHtml.Render(h, c.Evidence);
            h.Append("</details>");
        }
    }

    private static string Short(string sha) => sha.Length > 16 ? sha[..16] + "…" : sha;

    private static void Logs(StringBuilder h, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count > 0)
        {
            h.Append($"<h2>{E(title)}</h2>");
            Lines(h, lines);
        }
    }

    private static void Lines(StringBuilder h, IReadOnlyList<string> lines) =>
        h.Append("<pre>").Append(E(string.Join('\n', lines))).Append("</pre>");

    private static string E(string text) => ReportText.Html(text);
}
