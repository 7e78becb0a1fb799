using Assessments.Platform.Queue;
using Assessments.Platform.Workers;
using Assessments.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Assessments.Server.Operations;

/// <summary>Liveness, readiness (the database answers) and Prometheus metrics; anonymous, for orchestrators and scrapers.</summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Operations").AllowAnonymous();
        group.MapGet("/health/live", () => TypedResults.Ok(new HealthStatus("live"))).WithName("Live").WithSummary("The process answers.")
            .WithDescription("Anonymous. Answers 200 as long as the process serves requests; it does not touch the database, so an orchestrator restarts the server only when it is truly stuck.");
        group.MapGet("/health/ready", ReadyAsync).WithName("Ready").WithSummary("The database answers.")
            .WithDescription("Anonymous. Runs `select 1` against PostgreSQL: 200 when it answers, 503 with a generic problem+json when it does not (the error itself goes to the server's log), so a load balancer stops sending traffic.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/metrics", MetricsAsync).WithName("Metrics").WithSummary("Counters and gauges in the Prometheus text format.")
            .WithDescription("Anonymous, for a Prometheus scraper: uploads accepted, uploads refused by reason, HTTP responses by status code, grading jobs by state, runner workers (live or stale) and their grading slots (busy or free).")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(NpgsqlDataSource dataSource, ILogger<HealthStatus> logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (Exception e) when (DatabaseUnavailable.IsUnreachable(e))
        {
            // Anyone may ask: the answer names no host, port or error; the log keeps those.
            HealthLog.NotReady(logger, e);
            return TypedResults.Problem(DatabaseUnavailable.Detail, title: "Not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<ContentHttpResult> MetricsAsync(PlatformMetrics metrics, GradingQueue queue, RunnerWorkerStore workers, CancellationToken cancellationToken) =>
        TypedResults.Text(metrics.Render(await queue.CountByStateAsync(cancellationToken), await workers.ListAsync(cancellationToken)), "text/plain; version=0.0.4");
}

public sealed record HealthStatus(string Status);

internal static partial class HealthLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the database does not answer")]
    public static partial void NotReady(ILogger logger, Exception exception);
}
