using Assessments.Client;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Pages;

/// <summary>One reference solution of a calibration run, in whatever state its grading is.</summary>
/// <param name="State">The grading job's state: queued, running, finished or failed (the platform gave up).</param>
/// <param name="LastError">Why the platform gave up (or why the last attempt failed), when it did.</param>
public sealed record CalibrationReference(
    Guid SubmissionId,
    Guid JobId,
    string Reference,
    string ExpectedLevel,
    string State,
    int Attempt,
    int MaxAttempts,
    string? LastError,
    string? ReportStatus,
    string? Level,
    int? Score,
    DateTimeOffset StartedAt);

/// <summary>The latest calibration run of a challenge with every reference in it, graded or not, so none disappears from the dashboard.</summary>
public sealed record CalibrationRunView(Guid RunId, DateTimeOffset StartedAt, IReadOnlyList<CalibrationReference> References)
{
    public int Graded => References.Count(r => r.State == SubmissionStates.Finished);

    public int GivenUp => References.Count(r => r.State == SubmissionStates.Failed);

    public bool Finished => References.All(r => r.State is SubmissionStates.Finished or SubmissionStates.Failed);

    /// <summary>The state as the dashboard words it.</summary>
    public static string Word(CalibrationReference r) => r.State switch
    {
        SubmissionStates.Queued when r.Attempt > 0 => $"queued again (attempt {r.Attempt + 1} of {r.MaxAttempts})",
        SubmissionStates.Queued => "queued",
        SubmissionStates.Running => "grading",
        SubmissionStates.Finished => "graded",
        _ => "given up",
    };

    public static async Task<CalibrationRunView?> LatestAsync(NpgsqlDataSource dataSource, string challengeId, CancellationToken cancellationToken)
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
}
