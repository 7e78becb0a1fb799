using Npgsql;
using Assessments.Platform.Database;

namespace Assessments.Platform.Webhooks;

/// <summary>
/// The events the platform announces to webhook endpoints, and the outbox they are written to. An event
/// is recorded inside the transaction of the change it announces; the database fans it out to every
/// subscribed endpoint (trigger <c>webhook_fan_out</c>), and the server's sender delivers it later.
/// </summary>
public static class WebhookEvents
{
    public const string GradingCompleted = "grading.completed";
    public const string GradingFailed = "grading.failed";
    public const string LevelOverridden = "level.overridden";
    public const string InvitationExpired = "invitation.expired";

    public static IReadOnlyList<string> All { get; } = [GradingCompleted, GradingFailed, LevelOverridden, InvitationExpired];

    /// <summary>Records <see cref="GradingCompleted"/> for a submission whose report was just stored in this transaction.</summary>
    public static async Task RecordGradingCompletedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid submissionId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "insert into webhook_events (id, type, payload) values (gen_random_uuid(), $2, grading_event_payload($1))",
            connection,
            transaction).With(submissionId, GradingCompleted);
        // Once per pooled connection: this runs for every finished grading (GradingQueue.CompleteAsync).
        await command.PrepareAsync(cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records <see cref="LevelOverridden"/> inside the transaction that wrote the interviewer's level.</summary>
    public static async Task RecordLevelOverriddenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid submissionId, string level, string reason, string by, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            insert into webhook_events (id, type, payload)
            select gen_random_uuid(), $2, grading_event_payload($1)
                   || jsonb_build_object('level', $3::text, 'rubricLevel', (select level from reports where submission_id = $1), 'reason', $4::text, 'overriddenBy', $5::text)
            """,
            connection,
            transaction).With(submissionId, LevelOverridden, level, reason, by);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records <see cref="InvitationExpired"/> once per invitation that expired unrevoked within the last week
    /// (the dedupe key makes a repeated or concurrent scan a no-op); returns how many were new.
    /// </summary>
    public static async Task<int> RecordExpiredInvitationsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into webhook_events (id, type, dedupe_key, payload)
            select gen_random_uuid(), 'invitation.expired', 'invitation.expired:' || i.id,
                   jsonb_build_object('invitationId', i.id, 'challengeId', i.challenge_id, 'candidateName', i.candidate_name,
                                      'partnerCandidateId', i.partner_candidate, 'expiredAt', i.expires_at,
                                      'submitted', exists (select 1 from submissions s where s.invitation_id = i.id))
              from invitations i
             where i.expires_at <= now() and i.expires_at > now() - interval '7 days' and i.revoked_at is null
            on conflict (dedupe_key) do nothing
            """);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
