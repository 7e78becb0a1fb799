using Assessments.Client;
using Assessments.Reporting;

namespace Assessments.Server.Candidates;

/// <summary>
/// Cuts a report down to what a candidate may see: published checks in full, hidden ones only counted,
/// and what went wrong when their service did not build or start. No level or score: those are the
/// interviewers' to share.
/// </summary>
public static class CandidateFeedbackBuilder
{
    public static CandidateFeedback Build(SubmissionSummary submission, string? reportJson)
    {
        if (reportJson is null)
        {
            return new CandidateFeedback(submission.Id, submission.State, null, [], 0, 0, null);
        }

        var report = ReportJson.Deserialize(reportJson);
        var visible = report.Contract.Checks.Where(c => c.Visibility == "visible").ToList();
        var hidden = report.Contract.Checks.Where(c => c.Visibility != "visible").ToList();
        var failure = report.Failure is { } f ? new FailureSummary(f.Phase, f.Kind, f.Message, f.LogTail) : null;
        return new CandidateFeedback(
            submission.Id,
            submission.State,
            submission.ReportStatus,
            visible.Select(c => new VisibleCheck(c.Id, c.Title, c.Passed, c.Summary)).ToList(),
            hidden.Count,
            hidden.Count(c => c.Passed),
            failure);
    }
}
