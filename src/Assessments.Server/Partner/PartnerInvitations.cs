using Assessments.Client;
using Assessments.Server.Invitations;
using Assessments.Server.Submissions;

namespace Assessments.Server.Partner;

/// <summary>
/// What the partner API tells an ATS about the invitations it sent, always scoped to the calling key:
/// another partner's interview id is a 404. The status is derived, never stored: the invitation, its
/// latest submission, that submission's grading job and report.
/// </summary>
public sealed class PartnerInvitations(InvitationStore invitations)
{
    public async Task<PartnerTestStatus?> StatusAsync(Guid partnerKeyId, Guid interviewId, Func<Guid, string> reportUrl, Func<Guid, string> profileUrl, CancellationToken cancellationToken)
    {
        if (await invitations.PartnerInterviewAsync(partnerKeyId, interviewId, cancellationToken) is not { } interview)
        {
            return null;
        }

        var hasReport = interview.ReportStatus is not null;
        var status = (interview.SubmissionId, interview.JobState, hasReport) switch
        {
            (_, _, true) => "complete",
            (not null, SubmissionStates.Failed, _) => "failed",
            (not null, _, _) => "grading",
            _ when interview.Revoked => "revoked",
            _ when interview.ExpiresAt <= DateTimeOffset.UtcNow => "expired",
            _ => "sent",
        };
        return new PartnerTestStatus(
            interview.Id,
            status,
            interview.ChallengeId,
            interview.Score,
            interview.Level,
            interview.ReportStatus,
            hasReport ? reportUrl(interview.Id) : null,
            interview.SubmissionId is { } id ? profileUrl(id) : null,
            interview.GradedAt);
    }

    /// <summary>The version of the interview's latest graded report (as graded: a partner sees no override); null when there is none (or it is not this key's).</summary>
    public async Task<ReportVersion?> LatestReportAsync(Guid partnerKeyId, Guid interviewId, CancellationToken cancellationToken) =>
        await invitations.LatestPartnerReportAsync(partnerKeyId, interviewId, cancellationToken) is { } report
            ? new ReportVersion(report.SubmissionId, report.GradedAt, null, null, null, null)
            : null;
}
