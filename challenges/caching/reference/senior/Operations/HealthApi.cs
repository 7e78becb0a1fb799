namespace PriceLookup.Operations;

public static class HealthApi
{
    // Readiness deliberately ignores the upstream: a flapping dependency must not take every replica
    // out of rotation, and cached prices can still be served while it is down.
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithName("Liveness");
        app.MapGet("/health/ready", () => TypedResults.Ok(new { status = "ready" })).WithName("Readiness");
        return app;
    }
}
