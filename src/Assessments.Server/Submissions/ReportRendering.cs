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
    /// <summary>The page rendered afresh, or null when the stored rendering is right as it is (then it is streamed, see <see cref="StoredReportResult"/>).</summary>
    /// <param name="withVerdict">False inside the review page, which shows the verdict itself above the frame.</param>
    public static async Task<string?> RenderedAsync(SubmissionStore store, ReportVersion version, CancellationToken cancellationToken, bool withVerdict = true)
    {
        if ((withVerdict && version.Override is null) || await store.ReportJsonAsync(version.SubmissionId, cancellationToken) is not { } json)
        {
            return null;
        }

        try
        {
            return HtmlReport.Render(ReportJson.Deserialize(json), version.Override, withVerdict);
        }
        catch (JsonException)
        {
            // A report written by an older schema that no longer reads: its own rendering is still right about everything but the override.
            return null;
        }
    }

    public static LevelOverride? Override(SubmissionSummary? s) => s?.OverrideLevel is { } level
        ? new LevelOverride(level, s.OverrideBy ?? "an interviewer", s.OverrideReason ?? string.Empty, s.OverriddenAt)
        : null;
}
