using System.Text.Json;
using Assessments.Client;
using Assessments.Reporting;
using Assessments.Reporting.Summary;

namespace Assessments.Server.Submissions;

/// <summary>
/// report.html as an interviewer should read it now: the stored rendering while the rubric's level
/// stands; re-rendered from report.json once an interviewer overrode it, so that the verdict at the
/// top names the final level, the rubric's, who overrode it and why.
/// </summary>
public static class ReportRendering
{
    /// <param name="withVerdict">False inside the review page, which shows the verdict itself above the frame.</param>
    public static async Task<string?> HtmlAsync(SubmissionStore store, Guid id, SubmissionSummary? submission, CancellationToken cancellationToken, bool withVerdict = true)
    {
        if ((withVerdict && submission?.OverrideLevel is null) || await store.ReportJsonAsync(id, cancellationToken) is not { } json)
        {
            return await store.ReportHtmlAsync(id, cancellationToken);
        }

        try
        {
            var report = ReportJson.Deserialize(json);
            return HtmlReport.Render(report, Override(submission), withVerdict);
        }
        catch (JsonException)
        {
            // A report written by an older schema that no longer reads: its own rendering is still right about everything but the override.
            return await store.ReportHtmlAsync(id, cancellationToken);
        }
    }

    public static LevelOverride? Override(SubmissionSummary? s) => s?.OverrideLevel is { } level
        ? new LevelOverride(level, s.OverrideBy ?? "an interviewer", s.OverrideReason ?? string.Empty, s.OverriddenAt)
        : null;
}
