using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting.Exhibits;

/// <summary>
/// Evidence as HTML: the failure first and marked, identical exchanges once with a count, a scenario's
/// failure as a script, passing exchanges counted with one example collapsed. Text is cleaned and encoded.
/// </summary>
public static class EvidenceHtml
{
    public static void Render(StringBuilder h, IReadOnlyList<Evidence> evidence)
    {
        var groups = EvidenceGroups.Of(evidence);
        foreach (var shown in groups.Failing)
        {
            h.Append("<div class=\"evidence failing\"><p><span class=\"fail\">✘ failing</span> ");
            Summaries(h, shown);
            h.Append("</p>");
            Body(h, shown.First, ReproScript.For(shown), shown.Repro.Count > 0);
            h.Append("</div>");
        }

        foreach (var shown in groups.Facts)
        {
            h.Append("<div class=\"evidence\"><p>");
            Summaries(h, shown);
            h.Append("</p>");
            Body(h, shown.First, shown.First.Exchange?.Curl, false);
            h.Append("</div>");
        }

        if (groups.PassingExample is { } example)
        {
            h.Append($"<details class=\"passing\"><summary><span class=\"pass\">✔ {groups.PassingCount} passing</span> piece(s) of evidence; one example</summary><p>{E(example.Summary)}</p>");
            Body(h, example, example.Exchange?.Curl, false);
            h.Append("</details>");
        }
    }

    private static void Summaries(StringBuilder h, ShownEvidence shown)
    {
        h.Append(string.Join("<br>", shown.Summaries.Select(E)));
        if (shown.First.Value is { } value)
        {
            h.Append($" <strong>{value:0.##} {E(shown.First.Unit ?? string.Empty)}</strong>");
        }

        if (shown.Count > 1)
        {
            h.Append($" <span class=\"count\">× {shown.Count}, identical</span>");
        }
    }

    private static void Body(StringBuilder h, Evidence e, string? repro, bool script)
    {
        if (e.Exchange is { } x)
        {
            var request = $"{x.Request.Method} {x.Request.Url}\n{Headers(x.Request.Headers)}\n{x.Request.Body}";
            h.Append($"<pre aria-label=\"request\">{E(request.TrimEnd())}</pre>");
            var response = x.Response is { } resp
                ? $"{resp.Status}\n{Headers(resp.Headers)}\n{resp.Body}{(resp.BodyTruncated ? "\n… (truncated)" : string.Empty)}"
                : x.Error ?? "no response";
            h.Append($"<pre aria-label=\"response\">{E(response.TrimEnd())}</pre>");
            var what = script ? "Reproduce with the earlier steps first, against a local run" : "Reproduce against a local run";
            h.Append($"<p class=\"muted\">{what} (<code>docker run -p 8080:8080 …</code>):</p><pre class=\"repro\">{E(repro ?? x.Curl)}</pre>");
        }
        else if (e.Lines is { Count: > 0 } lines)
        {
            h.Append("<pre>").Append(E(string.Join('\n', lines))).Append("</pre>");
        }
    }

    private static string Headers(IReadOnlyDictionary<string, string> headers) =>
        string.Join('\n', headers.Select(kv => $"{kv.Key}: {kv.Value}"));

    private static string E(string text) => ReportText.Html(text);
}
