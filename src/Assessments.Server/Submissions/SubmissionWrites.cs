using Assessments.Client;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Submissions;

/// <summary>The level shown for a submission before an override replaced it, as the audit log records it.</summary>
/// <param name="SetBy">"rubric" when no interviewer had set one.</param>
public sealed record LevelInForce(string? Level, string SetBy, string? Reason);

/// <summary>
/// Changes to submissions. Each runs in the caller's transaction, because the same change also
/// writes the audit log, the grading queue or a webhook event, and all of it commits or none.
/// </summary>
public static class SubmissionWrites
{
    public static async Task InsertCandidateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string challengeId, Guid invitationId, byte[] archive, string sha256, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "insert into submissions (id, challenge_id, kind, invitation_id, archive, archive_bytes, content_sha256) values ($1, $2, 'candidate', $3, $4, $5, $6)",
            connection,
            transaction).With(id, challengeId, invitationId, archive, (long)archive.Length, sha256);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A reference solution queued by a calibration run; it has no invitation and no content hash.</summary>
    public static async Task InsertReferenceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string challengeId, Guid runId, string referenceName, string expectedLevel, byte[] archive, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            insert into submissions (id, challenge_id, kind, calibration_run_id, reference_name, expected_level, archive, archive_bytes, content_sha256)
            values ($1, $2, 'calibration', $3, $4, $5, $6, $7, '')
            """, connection, transaction).With(id, challengeId, runId, referenceName, expectedLevel, archive, (long)archive.Length);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Locks the submission until the transaction ends and reads the level in force; null for an unknown submission.</summary>
    public static async Task<LevelInForce?> LockLevelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("""
            select s.override_level, s.override_reason, s.override_by, r.level
              from submissions s left join reports r on r.submission_id = s.id
             where s.id = $1 for update of s
            """, connection, transaction).With(id);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // An earlier interviewer's level, else the rubric's.
        var earlier = reader.NullableField<string>(0);
        return earlier is null
            ? new LevelInForce(reader.NullableField<string>(3), "rubric", null)
            : new LevelInForce(earlier, reader.NullableField<string>(2) ?? "an interviewer", reader.NullableField<string>(1));
    }

    public static async Task OverrideLevelAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string level, string reason, string by, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            "update submissions set override_level = $2, override_reason = $3, override_by = $4, overridden_at = now() where id = $1", connection, transaction)
            .With(id, level, reason, by);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<SubmissionNote> AddNoteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string author, string body, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "insert into notes (submission_id, author, body) values ($1, $2, $3) returning id, created_at", connection, transaction).With(id, author, body);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SubmissionNote(reader.GetInt64(0), author, body, reader.GetFieldValue<DateTimeOffset>(1));
    }
}
