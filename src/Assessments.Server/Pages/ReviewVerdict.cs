using System.Text;
using System.Text.Json;
using Assessments.Client;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using Assessments.Reporting.Summary;
using Assessments.Server.Submissions;

namespace Assessments.Server.Pages;

/// <summary>
/// The review page's one-screen verdict, rendered by the reporting library from report.json with the
/// interviewer's override applied; before a report exists, the state of the grading.
/// </summary>
public static class ReviewVerdict
{
    public static async Task<GradingReport?> ReportAsync(SubmissionStore store, Guid id, CancellationToken cancellationToken)
    {
        if (await store.ReportJsonAsync(id, cancellationToken) is not { } json)
        {
            return null;
        }

        try
        {
            return ReportJson.Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Render(SubmissionSummary s, GradingReport? report)
    {
        var h = new StringBuilder();
        if (report is null)
        {
            h.Append("<section id=\"verdict\" class=\"verdict\"><p class=\"levels\"><span class=\"label\">Final level</span> ");
            h.Append($"<span class=\"badge big\" id=\"final-level\">{Html.E(s.OverrideLevel ?? s.Level ?? "—")}</span> ");
            h.Append($"<span class=\"muted\">rubric <span id=\"rubric-level\">{Html.E(s.Level ?? "—")}</span>; no readable report yet ({Html.E(s.State)})</span></p></section>");
            return h.ToString();
        }

        VerdictHtml.Render(h, report, Verdict.Of(report, ReportRendering.Override(s)), id => $"/api/submissions/{s.Id}/report.html#c-{id}");
        if (s.OverrideLevel is null)
        {
            // Tests and people look for the rubric's level by one name, overridden or not.
            h.Append($"<p class=\"muted\">Rubric level: <span id=\"rubric-level\">{Html.E(s.Level ?? "—")}</span></p>");
        }

        return h.ToString();
    }
}
