using System.Security.Claims;
using Assessments.Client;
using Assessments.Domain.Scoring;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Platform.Database;
using Assessments.Server.Hosting;
using Assessments.Platform.Queue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Calibration;

/// <summary>
/// Calibration: a challenge's reference solutions queued for grading like any submission, then the
/// level each was expected to get against the one the rubric gave.
/// </summary>
public static class CalibrationApi
{
    public static IEndpointRouteBuilder MapCalibration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Calibration").RequireAuthorization(Policies.Staff);
        group.MapPost("/challenges/{id}/calibrations", StartAsync).WithName("StartCalibration").WithSummary("Queues every reference solution of a challenge for grading.")
            .WithDescription("Staff. Queues a grading of each of the challenge's labelled reference solutions and answers 201 with the run; poll it with GetCalibration. 404 for an unknown challenge; 409 while an earlier calibration of the same challenge is still queued or running (one at a time per challenge); 503 with Retry-After when the references would not fit under the grading queue's cap.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/calibrations/{id:guid}", GetAsync).WithName("GetCalibration").WithSummary("Expected against given level for each reference solution.")
            .WithDescription("Staff. For each reference solution: its expected level, its grading state, the level given once graded and whether the two agree; `allAgree` and `finished` sum the run up.");
        return app;
    }

    private static async Task<Results<Created<CalibrationRun>, NotFound, ProblemHttpResult>> StartAsync(
        string id, HttpContext http, ClaimsPrincipal user, ChallengeCatalog catalog, IOptions<ServerOptions> options, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } challenge)
        {
            return TypedResults.NotFound();
        }

        var runId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Both checks run under the queue's admission lock, held until commit, so that neither a burst
        // of calibrations nor one racing an upload can start twice or push the queue past its cap.
        await GradingQueue.LockAdmissionsAsync(connection, transaction, cancellationToken);
        if (await CalibrationUnderWayAsync(connection, transaction, id, cancellationToken))
        {
            return TypedResults.Problem(
                $"A calibration of '{id}' is still queued or running; start another once it has finished.",
                title: "A calibration is already under way",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (!await GradingQueue.HasRoomAsync(connection, transaction, challenge.References.Count, options.Value.MaxQueueDepth, cancellationToken))
        {
            http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"The grading queue has no room for the {challenge.References.Count} reference solutions; try again later.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        await using (var run = new NpgsqlCommand("insert into calibration_runs (id, challenge_id, created_by) values ($1, $2, $3)", connection, transaction).With(runId, id, user.Id()))
        {
            await run.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var reference in challenge.References)
        {
            var archive = ChallengeCatalog.Zip(reference.Directory);
            var submissionId = Guid.CreateVersion7();
            await using (var insert = new NpgsqlCommand("""
                insert into submissions (id, challenge_id, kind, calibration_run_id, reference_name, expected_level, archive, archive_bytes, content_sha256)
                values ($1, $2, 'calibration', $3, $4, $5, $6, $7, '')
                """, connection, transaction).With(submissionId, id, runId, Path.GetFileName(reference.Directory), reference.ExpectedLevel.ToName(), archive, (long)archive.Length))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await GradingQueue.EnqueueAsync(connection, transaction, submissionId, null, options.Value.MaxAttempts, cancellationToken);
        }

        await AuditLog.WriteAsync(connection, transaction, user, "calibration.start", "challenge", id, null, new { runId, references = challenge.References.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/calibrations/{runId}", (await ReadAsync(dataSource, runId, cancellationToken))!);
    }

    private static async Task<bool> CalibrationUnderWayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string challengeId, CancellationToken cancellationToken)
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

    private static async Task<Results<Ok<CalibrationRun>, NotFound>> GetAsync(Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await ReadAsync(dataSource, id, cancellationToken) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound();

    private static async Task<CalibrationRun?> ReadAsync(NpgsqlDataSource dataSource, Guid runId, CancellationToken cancellationToken)
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
}
