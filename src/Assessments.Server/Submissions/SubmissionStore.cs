using Assessments.Client;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Submissions;

/// <summary>Reads submissions with their grading state and report summary; every lookup is scoped by the caller.</summary>
public sealed class SubmissionStore(NpgsqlDataSource dataSource)
{
    private const string Select = """
        select s.id, s.challenge_id, s.kind, i.candidate_name, s.invitation_id, j.state, r.status, r.level, r.score,
               s.override_level, s.override_reason, j.attempt, s.created_at, j.finished_at, s.archive_bytes, s.override_by, s.overridden_at
          from submissions s
          join grading_jobs_all j on j.submission_id = s.id
          left join reports r on r.submission_id = s.id
          left join invitations i on i.id = s.invitation_id
        """;

    public async Task<SubmissionSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} where s.id = $1", [id], cancellationToken)).FirstOrDefault();

    /// <summary>A candidate's own submission; another candidate's is simply not found.</summary>
    public async Task<SubmissionSummary?> FindForInvitationAsync(Guid id, Guid invitationId, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} where s.id = $1 and s.invitation_id = $2", [id, invitationId], cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<SubmissionSummary>> ListForInvitationAsync(Guid invitationId, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} where s.invitation_id = $1 order by s.created_at", [invitationId], cancellationToken);

    public Task<IReadOnlyList<SubmissionSummary>> ListAsync(string? challenge, string? state, string? level, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            {Select}
             where ($1::text is null or s.challenge_id = $1)
               and ($2::text is null or j.state = $2)
               and ($3::text is null or coalesce(s.override_level, r.level) = $3)
             order by s.created_at desc
             limit 500
            """,
            [challenge, state, level],
            cancellationToken);

    public async Task<string?> ReportJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select report::text from reports where submission_id = $1").With(id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The uploaded archive as stored; null for an unknown submission.</summary>
    public async Task<byte[]?> ArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select archive from submissions where id = $1");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>The stored report's version and the override over it, without the report itself; null until the grading has finished.</summary>
    public async Task<ReportVersion?> ReportVersionAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select r.created_at, s.override_level, s.override_by, s.override_reason, s.overridden_at
              from reports r join submissions s on s.id = r.submission_id
             where r.submission_id = $1
            """).With(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReportVersion(id, reader.GetFieldValue<DateTimeOffset>(0), reader.NullableField<string>(1), reader.NullableField<string>(2), reader.NullableField<string>(3), reader.NullableField<DateTimeOffset?>(4))
            : null;
    }

    public async Task<IReadOnlyList<SubmissionNote>> NotesAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, author, body, created_at from notes where submission_id = $1 order by id").With(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notes = new List<SubmissionNote>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new SubmissionNote(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return notes;
    }

    public static SubmissionStatus ToCandidateView(SubmissionSummary s) =>
        new(s.Id, s.ChallengeId, s.State, s.ReportStatus, s.ArchiveBytes, s.SubmittedAt, s.FinishedAt);

    private async Task<IReadOnlyList<SubmissionSummary>> QueryAsync(string sql, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql).With(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SubmissionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SubmissionSummary(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.NullableField<string>(3),
                reader.NullableField<Guid?>(4),
                reader.GetString(5),
                reader.NullableField<string>(6),
                reader.NullableField<string>(7),
                reader.NullableField<int?>(8),
                reader.NullableField<string>(9),
                reader.NullableField<string>(10),
                reader.GetInt32(11),
                reader.GetInt64(14),
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.NullableField<DateTimeOffset?>(13),
                reader.NullableField<string>(15),
                reader.NullableField<DateTimeOffset?>(16)));
        }

        return rows;
    }
}
