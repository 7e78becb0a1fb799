using System.Net;
using System.Text;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Load.Output;

namespace Assessments.Reporting;

/// <summary>
/// report.html: one self-contained page (no scripts, no external resources) an interviewer can open
/// from disk or an e-mail. Every piece of submission-controlled text is cleaned and HTML-encoded.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d232a}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
        .badge{display:inline-block;padding:.2rem .6rem;border-radius:1rem;font-weight:600;background:#eef}
        .pass{color:#116329}.fail{color:#a40e26}
        .bar{background:#eaeef2;border-radius:4px;height:.8rem;width:20rem;display:inline-block;vertical-align:middle}
        .bar>span{display:block;height:100%;border-radius:4px;background:#2da44e}
        pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;font-size:13px;white-space:pre-wrap;word-break:break-all}
        details{margin:.4rem 0 .8rem}summary{cursor:pointer}
        table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eaeef2}
        .muted{color:#57606a;font-size:13px}
        """;

    public static string Render(GradingReport r)
    {
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.Append($"<title>{E(r.Challenge.Title)} — {E(ReportView.Headline(r))}</title><style>{Style}</style></head><body>");
        h.Append($"<h1>{E(r.Challenge.Title)}: {E(ReportView.Headline(r))}</h1>");
        h.Append($"<p><span class=\"badge\" data-level=\"{r.Level.ToName()}\">{E(r.Level.ToName())}</span> ");
        h.Append($"<strong>{r.Score}/100</strong> · status <code>{r.Status.ToName()}</code> · ");
        h.Append($"challenge <code>{E(r.Challenge.Id)}</code> v{E(r.Challenge.Version)} · rubric {E(r.RubricVersion)}</p>");
        h.Append($"<p class=\"muted\">Submission {E(r.Submission.Name)} · {r.Submission.Files} files · {r.Submission.Bytes:N0} bytes · sha256 <code>{E(r.Submission.Sha256)}</code> · graded in {r.Timings.TotalMs / 1000:0.0} s</p>");

        if (r.LevelReasons.Count > 0)
        {
            h.Append("<h2>Why not higher</h2><ul>");
            foreach (var reason in r.LevelReasons)
            {
                h.Append($"<li>{E(reason)}</li>");
            }

            h.Append("</ul>");
        }

        if (r.Failure is { } f)
        {
            h.Append($"<h2>What went wrong ({E(f.Phase)})</h2><p class=\"fail\">{E(f.Message)}");
            h.Append(f.ExitCode is { } code ? $" — exit code {code}" : string.Empty).Append("</p>");
            Lines(h, f.LogTail);
        }

        if (ReportView.ChecksBeforeFault(r) is { Count: > 0 } before)
        {
            h.Append("<h2>Checks before the fault (not scored)</h2>");
            foreach (var c in before)
            {
                h.Append($"<details><summary><span class=\"{(c.Passed ? "pass" : "fail")}\">{(c.Passed ? "✔" : "✘")}</span> {E(c.Title)} <span class=\"muted\">{E(c.Id)}</span> — {E(c.Summary)}</summary>");
                foreach (var e in c.Evidence)
                {
                    Evidence(h, e);
                }

                h.Append("</details>");
            }
        }

        if (r.SandboxEvents.Count > 0)
        {
            h.Append("<h2>Limits reached</h2>");
            foreach (var e in r.SandboxEvents)
            {
                Evidence(h, e);
            }
        }

        h.Append("<h2>Competencies</h2><table>");
        foreach (var (competency, points, max) in ReportView.Competencies(r))
        {
            var percent = max == 0 ? 0 : 100 * points / max;
            h.Append($"<tr><th scope=\"row\">{E(competency)}</th><td><span class=\"bar\" role=\"img\" aria-label=\"{percent}%\"><span style=\"width:{percent}%\"></span></span></td><td>{points}/{max}</td></tr>");
        }

        h.Append("</table><h2>Criteria</h2>");
        foreach (var c in ReportView.CriteriaFailuresFirst(r))
        {
            h.Append($"<details{(c.Passed ? string.Empty : " open")}><summary><span class=\"{(c.Passed ? "pass" : "fail")}\">{(c.Passed ? "✔" : "✘")}</span> ");
            h.Append($"<strong>{E(c.Title)}</strong> — {c.Points}/{c.MaxPoints} <span class=\"muted\">{E(c.Id)} · {E(c.Competency)}</span></summary>");
            foreach (var e in c.Evidence)
            {
                Evidence(h, e);
            }

            h.Append("</details>");
        }

        if (LoadView.Result(r) is { } load)
        {
            // The engine's fragment: numbers and inline SVG it generated itself, nothing from the submission.
            h.Append("<h2>Under load</h2>").Append(LoadResultWriter.ToHtmlFragment(load));
        }

        h.Append(BaselineView.Html(r));

        InsightView.Html(h, r.Insight);
        TimingsView.Html(h, r);
        Logs(h, "Build log (tail)", r.BuildLogTail);
        Logs(h, "Service log (tail)", r.ServiceLogTail);
        h.Append("<h2>Environment</h2><p class=\"muted\">");
        h.Append($"Runner {E(r.Environment.RunnerVersion)} · Docker {E(r.Environment.DockerVersion)} · {E(r.Environment.Os)} · {r.Environment.ProcessorCount} CPUs<br>");
        h.Append(E(string.Join(" · ", r.Environment.Limits.Select(l => $"{l.Key}={l.Value}"))));
        h.Append("</p></body></html>");
        return h.ToString();
    }

    private static void Evidence(StringBuilder h, Evidence e)
    {
        h.Append($"<p>{E(e.Summary)}");
        if (e.Value is { } value)
        {
            h.Append($" <strong>{value:0.##} {E(e.Unit ?? string.Empty)}</strong>");
        }

        h.Append("</p>");
        if (e.Exchange is { } x)
        {
            var request = $"{x.Request.Method} {x.Request.Url}\n{Headers(x.Request.Headers)}\n{x.Request.Body}";
            h.Append($"<pre aria-label=\"request\">{E(request.TrimEnd())}</pre>");
            var response = x.Response is { } resp
                ? $"{resp.Status}\n{Headers(resp.Headers)}\n{resp.Body}{(resp.BodyTruncated ? "\n… (truncated)" : string.Empty)}"
                : x.Error ?? "no response";
            h.Append($"<pre aria-label=\"response\">{E(response.TrimEnd())}</pre>");
            h.Append($"<p class=\"muted\">Reproduce against a local run (<code>docker run -p 8080:8080 …</code>):</p><pre>{E(x.Curl)}</pre>");
        }
        else if (e.Lines is { Count: > 0 } lines)
        {
            Lines(h, lines);
        }
    }

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

    private static string Headers(IReadOnlyDictionary<string, string> headers) =>
        string.Join('\n', headers.Select(kv => $"{kv.Key}: {kv.Value}"));

    private static string E(string text) => WebUtility.HtmlEncode(LogText.Clean(text.Replace("\n", "\u2028")).Replace("\u2028", "\n"));
}
