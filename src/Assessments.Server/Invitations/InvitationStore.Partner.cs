using Assessments.Platform.Database;

namespace Assessments.Server.Invitations;

/// <summary>
/// An invitation an ATS sent, as the partner API derives its status from it: the invitation, its
/// latest submission, that submission's grading job and report (the report's fields null when there is none).
/// </summary>
public sealed record PartnerInterview(
    Guid Id, string ChallengeId, DateTimeOffset ExpiresAt, bool Revoked, Guid? SubmissionId, string? JobState,
    string? ReportStatus, string? Level, int? Score, DateTimeOffset? GradedAt);

/// <summary>The latest graded report of an interview: its submission and when it was graded.</summary>
public sealed record PartnerReport(Guid SubmissionId, DateTimeOffset GradedAt);

public sealed partial class InvitationStore
{
    /// <summary>An interview the calling key sent; null for one it did not (another partner's id is a 404).</summary>
    public async Task<PartnerInterview?> PartnerInterviewAsync(Guid partnerKeyId, Guid interviewId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select i.id, i.challenge_id, i.expires_at, i.revoked_at, s.id, j.state, r.status, coalesce(s.override_level, r.level), r.score, r.created_at
              from invitations i
              left join lateral (select id, override_level from submissions where invitation_id = i.id order by created_at desc limit 1) s on true
              left join grading_jobs_all j on j.submission_id = s.id
              left join reports r on r.submission_id = s.id
             where i.id = $1 and i.partner_key_id = $2
            """).With(interviewId, partnerKeyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var hasReport = !reader.IsDBNull(6);
        return new PartnerInterview(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetFieldValue<DateTimeOffset>(2),
            !reader.IsDBNull(3),
            reader.NullableField<Guid?>(4),
            reader.NullableField<string>(5),
            hasReport ? reader.GetString(6) : null,
            hasReport ? reader.GetString(7) : null,
            hasReport ? reader.GetInt32(8) : null,
            hasReport ? reader.GetFieldValue<DateTimeOffset>(9) : null);
    }

    /// <summary>The interview's latest graded report (as graded: a partner sees no override); null when there is none (or it is not this key's).</summary>
    public async Task<PartnerReport?> LatestPartnerReportAsync(Guid partnerKeyId, Guid interviewId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select r.submission_id, r.created_at from invitations i
              join submissions s on s.invitation_id = i.id
              join reports r on r.submission_id = s.id
             where i.id = $1 and i.partner_key_id = $2
             order by s.created_at desc limit 1
            """).With(interviewId, partnerKeyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PartnerReport(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }
}
