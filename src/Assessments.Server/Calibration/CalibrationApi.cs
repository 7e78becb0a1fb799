using System.Security.Claims;
using Assessments.Client;
using Assessments.Domain.Scoring;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Hosting;
using Assessments.Platform.Queue;
using Assessments.Server.Submissions;
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
        string id, HttpContext http, ClaimsPrincipal user, ChallengeCatalog catalog, IOptions<ServerOptions> options, NpgsqlDataSource dataSource, CalibrationStore store, CancellationToken cancellationToken)
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
        if (await CalibrationStore.UnderWayAsync(connection, transaction, id, cancellationToken))
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

        await CalibrationStore.InsertRunAsync(connection, transaction, runId, id, user.Id(), cancellationToken);

        foreach (var reference in challenge.References)
        {
            var archive = ChallengeCatalog.Zip(reference.Directory);
            var submissionId = Guid.CreateVersion7();
            await SubmissionWrites.InsertReferenceAsync(
                connection, transaction, submissionId, id, runId, reference.Name, reference.ExpectedLevel.ToName(), archive, cancellationToken);
            await GradingQueue.EnqueueAsync(connection, transaction, submissionId, null, options.Value.MaxAttempts, cancellationToken);
        }

        await AuditLog.WriteAsync(connection, transaction, user, "calibration.start", "challenge", id, null, new { runId, references = challenge.References.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/calibrations/{runId}", (await store.RunAsync(runId, cancellationToken))!);
    }

    private static async Task<Results<Ok<CalibrationRun>, NotFound>> GetAsync(Guid id, CalibrationStore store, CancellationToken cancellationToken) =>
        await store.RunAsync(id, cancellationToken) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound();

}
