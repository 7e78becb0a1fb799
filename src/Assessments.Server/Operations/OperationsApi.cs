using Assessments.Platform.Queue;
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
            .WithDescription("Anonymous. Runs `select 1` against PostgreSQL: 200 when it answers, 503 with a problem+json naming the database error when it does not, so a load balancer stops sending traffic.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/metrics", MetricsAsync).WithName("Metrics").WithSummary("Counters and gauges in the Prometheus text format.")
            .WithDescription("Anonymous, for a Prometheus scraper: uploads accepted, uploads refused by reason, HTTP responses by status code, and grading jobs by state.")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (NpgsqlException e)
        {
            return TypedResults.Problem($"the database does not answer: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<ContentHttpResult> MetricsAsync(PlatformMetrics metrics, GradingQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Text(metrics.Render(await queue.CountByStateAsync(cancellationToken)), "text/plain; version=0.0.4");
}

public sealed record HealthStatus(string Status);
