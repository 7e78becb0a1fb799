using System.Text;
using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>The candidate-visible feedback (published checks in full, hidden ones counted), as HTML.</summary>
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

        if (feedback.Checks.Count > 0)
        {
            h.Append("<h3>Published checks</h3><ul class=\"checks\">");
            foreach (var check in feedback.Checks)
            {
                var mark = check.Passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">failed</span>";
                h.Append($"<li>{mark} <strong>{Html.E(check.Title)}</strong> <code>{Html.E(check.Id)}</code><br>{Html.E(check.Summary)}</li>");
            }

            h.Append("</ul>");
        }

        h.Append($"<p>Hidden checks: {feedback.HiddenChecksPassed} of {feedback.HiddenChecks} passed. Their details, your level and score are shared by your interviewer.</p>");
        return h.Append("</section>").ToString();
    }
}
