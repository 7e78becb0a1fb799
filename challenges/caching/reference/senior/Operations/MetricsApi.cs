using PriceLookup.Caching;

namespace PriceLookup.Operations;

public static class MetricsApi
{
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<ServiceMetrics>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            metrics.Request(context.Request.Method, context.Response.StatusCode);
        });
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (ServiceMetrics metrics, RecentlyUsedStore store) =>
                TypedResults.Text(metrics.Render(store.Usage()), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics")
            .ExcludeFromDescription();
        return app;
    }
}
