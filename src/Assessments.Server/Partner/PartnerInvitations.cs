using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Submissions;
using Npgsql;

namespace Assessments.Server.Partner;

/// <summary>
/// What the partner API reads about the invitations an ATS sent, always scoped to the calling key:
/// another partner's interview id is a 404. The status is derived, never stored: the invitation, its
/// latest submission, that submission's grading job and report.
/// </summary>
public sealed class PartnerInvitations(NpgsqlDataSource dataSource)
{
    public async Task<PartnerTestStatus?> StatusAsync(Guid partnerKeyId, Guid interviewId, Func<Guid, string> reportUrl, Func<Guid, string> profileUrl, CancellationToken cancellationToken)
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

        var submission = reader.NullableField<Guid?>(4);
        var job = reader.NullableField<string>(5);
        var hasReport = !reader.IsDBNull(6);
        var status = (submission, job, hasReport) switch
        {
            (_, _, true) => "complete",
            (not null, SubmissionStates.Failed, _) => "failed",
            (not null, _, _) => "grading",
            _ when !reader.IsDBNull(3) => "revoked",
            _ when reader.GetFieldValue<DateTimeOffset>(2) <= DateTimeOffset.UtcNow => "expired",
            _ => "sent",
        };
        return new PartnerTestStatus(
            reader.GetGuid(0),
            status,
            reader.GetString(1),
            hasReport ? reader.GetInt32(8) : null,
            hasReport ? reader.GetString(7) : null,
            hasReport ? reader.GetString(6) : null,
            hasReport ? reportUrl(reader.GetGuid(0)) : null,
            submission is { } id ? profileUrl(id) : null,
            hasReport ? reader.GetFieldValue<DateTimeOffset>(9) : null);
    }

    /// <summary>The version of the interview's latest graded report (as graded: a partner sees no override); null when there is none (or it is not this key's).</summary>
    public async Task<ReportVersion?> LatestReportAsync(Guid partnerKeyId, Guid interviewId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select r.submission_id, r.created_at from invitations i
              join submissions s on s.invitation_id = i.id
              join reports r on r.submission_id = s.id
             where i.id = $1 and i.partner_key_id = $2
             order by s.created_at desc limit 1
            """).With(interviewId, partnerKeyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ReportVersion(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), null, null, null, null) : null;
    }
}
