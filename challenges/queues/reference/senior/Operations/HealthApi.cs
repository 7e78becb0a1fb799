namespace PaymentJobs.Operations;

public static class HealthApi
{
    // Readiness does not call the payments provider: a flaky dependency must not take this service out
    // of rotation, since accepting jobs while the provider is down is exactly its job.
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "alive" }));
        app.MapGet("/health/ready", () => TypedResults.Ok(new { status = "ready" }));
        return app;
    }
}
