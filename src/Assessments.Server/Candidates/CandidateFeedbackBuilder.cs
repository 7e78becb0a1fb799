using Assessments.Client;
using Assessments.Domain.Challenges;
using Assessments.Domain.Kits;
using Assessments.Domain.Reports;
using Assessments.Reporting;

namespace Assessments.Server.Candidates;

/// <summary>
/// Cuts a report down to what a candidate may see (<see cref="VisibleFeedback"/>): published checks in
/// full with their exchanges, failures first, the visible points, hidden checks counted per area, and
/// what went wrong when their service did not build or start. No level or score: those are the
/// interviewers' to share.
/// </summary>
public static class CandidateFeedbackBuilder
{
    public static CandidateFeedback Build(SubmissionSummary submission, string? reportJson, Challenge? challenge)
    {
        if (reportJson is null)
        {
            return new CandidateFeedback(submission.Id, submission.State, null, [], 0, 0, null);
        }

        var report = ReportJson.Deserialize(reportJson);
        var feedback = Feedback(report, challenge);
        var failure = report.Failure is { } f ? new FailureSummary(f.Phase, f.Kind, f.Message, f.LogTail) : null;
        return new CandidateFeedback(
            submission.Id,
            submission.State,
            submission.ReportStatus,
            feedback.Checks.Select(Map).ToList(),
            feedback.HiddenChecks,
            feedback.HiddenPassed,
            failure)
        {
            VisiblePoints = feedback.Points,
            VisibleMaxPoints = feedback.MaxPoints,
            HiddenAreas = feedback.HiddenAreas.Select(a => new HiddenAreaResult(a.Competency, a.Failed, a.Checks)).ToList(),
        };
    }

    private static VisibleFeedback Feedback(GradingReport report, Challenge? challenge)
    {
        // A challenge no longer offered still has its report: judge visibility by what the grader recorded.
        var recorded = report.Contract.Checks.Where(c => c.Visibility == VisibleFeedback.Visible).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return challenge is null
            ? VisibleFeedback.From(new Domain.Rubrics.Rubric(report.RubricVersion, [], []), report.Contract.Checks, recorded.Contains)
            : VisibleFeedback.From(challenge.Rubric, report.Contract.Checks, id => recorded.Contains(id) || VisibleChecks.IsVisible(challenge, id));
    }

    private static VisibleCheck Map(FeedbackCheck check) => new(check.Check.Id, check.Check.Title, check.Check.Passed, check.Check.Summary)
    {
        Points = check.Points,
        MaxPoints = check.MaxPoints,
        Evidence = check.Check.Evidence.Select(Map).ToList(),
    };

    private static CheckEvidence Map(Evidence e) => e.Exchange is { } x
        ? new CheckEvidence(e.Summary, ExchangeText.Request(x), ExchangeText.Response(x), x.Curl, [])
        : new CheckEvidence(e.Value is { } value ? $"{e.Summary} ({value:0.##} {e.Unit})" : e.Summary, null, null, null, e.Lines ?? []);
}
