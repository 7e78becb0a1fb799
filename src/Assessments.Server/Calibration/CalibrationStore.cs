using System.Text.Json;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Pages;
using Npgsql;

namespace Assessments.Server.Calibration;

/// <summary>
/// Calibration runs and the graded submissions of a challenge, read across calibration_runs,
/// submissions, their grading jobs and reports: what the calibration API and dashboard show.
/// </summary>
public sealed class CalibrationStore(NpgsqlDataSource dataSource)
{
    /// <summary>Whether a run of the challenge still has a reference queued or grading; call it under the queue's admission lock.</summary>
    public static async Task<bool> UnderWayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string challengeId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select exists (
                select 1 from calibration_runs c
                  join submissions s on s.calibration_run_id = c.id
                  join grading_jobs j on j.submission_id = s.id
                 where c.challenge_id = $1 and j.state in ('queued', 'running'))
            """, connection, transaction).With(challengeId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task InsertRunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, string challengeId, Guid createdBy, CancellationToken cancellationToken)
    {
        await using var run = new NpgsqlCommand("insert into calibration_runs (id, challenge_id, created_by) values ($1, $2, $3)", connection, transaction).With(runId, challengeId, createdBy);
        await run.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A run with each reference's expected and given level; null for an unknown run.</summary>
    public async Task<CalibrationRun?> RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.challenge_id, s.id, s.reference_name, s.expected_level, j.state, r.status, r.level
              from calibration_runs c
              left join submissions s on s.calibration_run_id = c.id
              left join grading_jobs_all j on j.submission_id = s.id
              left join reports r on r.submission_id = s.id
             where c.id = $1
             order by s.reference_name
            """).With(runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? challenge = null;
        var entries = new List<CalibrationEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            challenge = reader.GetString(0);
            // Left joins, so that a run holding no reference is still found rather than a 404.
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var given = reader.NullableField<string>(6);
            var status = reader.NullableField<string>(5);
            var expected = reader.GetString(3);
            entries.Add(new CalibrationEntry(reader.GetGuid(1), reader.GetString(2), expected, reader.GetString(4), status, given, given is null ? null : given == expected));
        }

        if (challenge is null)
        {
            return null;
        }

        var finished = entries.All(e => e.State is SubmissionStates.Finished or SubmissionStates.Failed);
        return new CalibrationRun(runId, challenge, finished, finished && entries.All(e => e.Agrees == true), entries);
    }

    /// <summary>The latest run of a challenge with every reference in it, graded or not, so none disappears from the dashboard.</summary>
    public async Task<CalibrationRunView?> LatestRunAsync(string challengeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.id, c.created_at, s.id, j.id, s.reference_name, s.expected_level, j.state, j.attempt, j.max_attempts, j.last_error,
                   r.status, r.level, r.score
              from calibration_runs c
              join submissions s on s.calibration_run_id = c.id
              join grading_jobs_all j on j.submission_id = s.id
              left join reports r on r.submission_id = s.id
             where c.id = (select id from calibration_runs where challenge_id = $1 order by created_at desc limit 1)
             order by s.reference_name
            """).With(challengeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Guid? run = null;
        var started = DateTimeOffset.MinValue;
        var references = new List<CalibrationReference>();
        while (await reader.ReadAsync(cancellationToken))
        {
            run = reader.GetGuid(0);
            started = reader.GetFieldValue<DateTimeOffset>(1);
            references.Add(new CalibrationReference(
                reader.GetGuid(2), reader.GetGuid(3), reader.NullableField<string>(4) ?? "?", reader.NullableField<string>(5) ?? "?", reader.GetString(6),
                reader.GetInt32(7), reader.GetInt32(8), reader.NullableField<string>(9), reader.NullableField<string>(10), reader.NullableField<string>(11),
                reader.NullableField<int?>(12), started));
        }

        return run is { } id ? new CalibrationRunView(id, started, references) : null;
    }

    /// <summary>Every submission of the challenge that has a report, candidates' and references' alike, oldest first.</summary>
    public async Task<IReadOnlyList<GradedSubmission>> GradedAsync(string challengeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select s.id, s.kind, s.calibration_run_id, s.reference_name, s.expected_level, r.status, r.level, r.score, s.override_level,
                   s.override_level is not null or exists (select 1 from notes n where n.submission_id = s.id),
                   coalesce(r.report->>'rubricVersion', '?'), r.created_at
              from submissions s join reports r on r.submission_id = s.id
             where s.challenge_id = $1
             order by r.created_at
            """).With(challengeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<GradedSubmission>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new GradedSubmission(
                reader.GetGuid(0), reader.GetString(1), reader.NullableField<Guid?>(2), reader.NullableField<string>(3), reader.NullableField<string>(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.NullableField<string>(8), reader.GetBoolean(9), reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return rows;
    }

    /// <summary>The rubric versions the challenge's reports were graded under, with the criteria of each version's latest report.</summary>
    public async Task<IReadOnlyList<RubricVersionSeen>> RubricVersionsAsync(string challengeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select coalesce(r.report->>'rubricVersion', '?') as version, min(r.created_at), max(r.created_at), count(*)::int,
                   (array_agg(r.report->'criteria' order by r.created_at desc))[1]::text
              from submissions s join reports r on r.submission_id = s.id
             where s.challenge_id = $1
             group by 1
             order by 2
            """).With(challengeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<RubricVersionSeen>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new RubricVersionSeen(
                reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3),
                CriterionPoints(reader.NullableField<string>(4))));
        }

        return versions;
    }

    private static Dictionary<string, int> CriterionPoints(string? criteriaJson)
    {
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        if (criteriaJson is null)
        {
            return points;
        }

        using var document = JsonDocument.Parse(criteriaJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return points;
        }

        foreach (var criterion in document.RootElement.EnumerateArray())
        {
            if (criterion.TryGetProperty("id", out var id) && criterion.TryGetProperty("maxPoints", out var max) && max.TryGetInt32(out var value))
            {
                points[id.GetString() ?? "?"] = value;
            }
        }

        return points;
    }
}
