using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Platform.Queue;
using Assessments.Platform.Workers;
using Assessments.Server.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Assessments.Server.Admin;

/// <summary>Admins' view of the platform: gradings it gave up on (dead letters), the runner workers and their slots, and the audit log.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/dead-letters", DeadLettersAsync).WithName("ListDeadLetters").WithSummary("Gradings the platform failed on after every retry.")
            .WithDescription("Admin only. Gradings that ended in a platform fault on every attempt, with the last error; a candidate's own mistakes (a build that fails, a service that crashes) are graded, never dead-lettered.");
        group.MapPost("/dead-letters/{jobId:guid}/retry", RetryAsync).WithName("RetryDeadLetter").WithSummary("Queues a dead-lettered grading again.")
            .WithDescription("Admin only. Puts the dead-lettered job back in the queue with fresh attempts; 409 when the same candidate already has a grading under way, 404 for an unknown job or one that is not dead-lettered. Audited.");
        group.MapGet("/runners", RunnersAsync).WithName("ListRunners").WithSummary("The runner workers and their grading slots.")
            .WithDescription("Admin only. Every runner worker on record: its host and CPUs, its grading slots and how many grade now, when it started and when it was last seen; stale when it missed three heartbeats (killed without stopping).");
        group.MapGet("/audit", AuditAsync).WithName("ListAudit").WithSummary("The latest changes: who, what, when, before and after.")
            .WithDescription("Admin only. The latest audited changes, newest first: actor, action, target, and the values before and after. `limit` defaults to 100 and is clamped to 1..1000.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RunnerWorker>>> RunnersAsync(RunnerWorkerStore workers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workers.ListAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<DeadLetter>>> DeadLettersAsync(GradingQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.DeadLettersAsync(cancellationToken));

    private static async Task<Results<Ok<SubmissionSummary>, NotFound, Conflict<ProblemDetails>>> RetryAsync(
        Guid jobId, ClaimsPrincipal user, GradingQueue queue, SubmissionStore store, AuditLog auditLog, CancellationToken cancellationToken)
    {
        Guid? submissionId;
        try
        {
            submissionId = await queue.RequeueDeadLetterAsync(jobId, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The candidate has another grading under way" });
        }

        if (submissionId is not { } id)
        {
            return TypedResults.NotFound();
        }

        await auditLog.WriteAsync(user, "grading.retry", "job", jobId.ToString(), new { state = SubmissionStates.Failed }, new { state = SubmissionStates.Queued }, cancellationToken);

        return TypedResults.Ok((await store.FindAsync(id, cancellationToken))!);
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> AuditAsync(AuditLog auditLog, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await auditLog.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));
}
