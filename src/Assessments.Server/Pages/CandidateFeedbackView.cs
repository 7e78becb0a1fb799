using System.Globalization;
using System.Text;
using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>
/// The candidate-visible feedback as HTML: the visible points, then every published check, failures
/// first and open, with the requests, responses and curl commands behind it; hidden checks counted,
/// with the areas (competencies) where some failed, never the checks themselves.
/// </summary>
public static class CandidateFeedbackView
{
    public static string Render(CandidateFeedback feedback)
    {
        var h = new StringBuilder("<section aria-labelledby=\"feedback\"><h2 id=\"feedback\">Feedback</h2>");
        if (feedback.Failure is { } failure)
        {
            h.Append($"<h3>What went wrong ({Html.E(failure.Phase)})</h3><p class=\"fail\">{Html.E(failure.Message)}</p>");
            if (failure.LogTail.Count > 0)
            {
                h.Append("<pre class=\"log\" aria-label=\"Last lines of output\">").Append(Html.E(string.Join('\n', failure.LogTail))).Append("</pre>");
            }
        }

        var passed = feedback.Checks.Count(c => c.Passed);
        h.Append($"<p class=\"total\">Visible checks: <strong id=\"visible-points\">{feedback.VisiblePoints} of {feedback.VisibleMaxPoints} points</strong> · {passed} of {feedback.Checks.Count} passed.</p>");
        if (feedback.Checks.Count > 0)
        {
            h.Append("<h3>Published checks, failures first</h3><div class=\"checks\">");
            foreach (var check in feedback.Checks)
            {
                Check(h, check);
            }

            h.Append("</div>");
        }

        h.Append($"<h3>Hidden checks</h3><p>{feedback.HiddenChecksPassed} of {feedback.HiddenChecks} passed.");
        var failing = feedback.HiddenAreas.Where(a => a.Failed > 0).ToList();
        if (failing.Count == 0)
        {
            h.Append("</p>");
        }
        else
        {
            h.Append(" Areas where some failed (the brief's <em>How it is graded</em> says what each covers):</p><ul class=\"areas\">");
            foreach (var area in failing)
            {
                h.Append($"<li><strong>{Html.E(area.Competency)}</strong>: {area.Failed} of {area.Checks} failed</li>");
            }

            h.Append("</ul>");
        }

        h.Append("<p class=\"muted\">Your level and score are shared by your interviewer.</p>");
        return h.Append("</section>").ToString();
    }

    private static void Check(StringBuilder h, VisibleCheck check)
    {
        var mark = check.Passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">failed</span>";
        h.Append($"<details class=\"check\"{(check.Passed ? string.Empty : " open")}><summary>{mark} <strong>{Html.E(check.Title)}</strong> <code>{Html.E(check.Id)}</code> ");
        h.Append(check.MaxPoints > 0
            ? $"<span class=\"muted\">{Points(check.Points)} of {Points(check.MaxPoints)} points</span></summary>"
            : "<span class=\"muted\">not scored</span></summary>");
        h.Append($"<p>{Html.E(check.Summary)}</p>");
        foreach (var e in check.Evidence)
        {
            if (e.Summary != check.Summary)
            {
                h.Append($"<p>{Html.E(e.Summary)}</p>");
            }

            if (e.Request is { } request)
            {
                h.Append($"<pre aria-label=\"request\">{Html.E(request)}</pre><pre aria-label=\"response\">{Html.E(e.Response ?? string.Empty)}</pre>");
                h.Append($"<p class=\"muted\">Reproduce against your local run (<code>docker run -p 8080:8080 …</code>):</p><pre aria-label=\"curl\">{Html.E(e.Curl ?? string.Empty)}</pre>");
            }
            else if (e.Lines.Count > 0)
            {
                h.Append("<pre class=\"log\">").Append(Html.E(string.Join('\n', e.Lines))).Append("</pre>");
            }
        }

        h.Append("</details>");
    }

    private static string Points(double points) => points.ToString("0.#", CultureInfo.InvariantCulture);
}
