using Microsoft.AspNetCore.Http.HttpResults;
using PriceLookup.Caching;

namespace PriceLookup.Prices;

public static partial class InvalidationsApi
{
    public static IEndpointRouteBuilder MapInvalidations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/invalidations", Invalidate)
            .WithName("Invalidate")
            .WithSummary("Forget a cached price because it changed upstream");
        return app;
    }

    private static Results<NoContent, ValidationProblem> Invalidate(InvalidationEvent? invalidation, PriceCache cache, ILoggerFactory loggers)
    {
        if (invalidation is null || !SkuRules.IsValid(invalidation.Key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = [SkuRules.Description] });
        }

        var removed = cache.Invalidate(invalidation.Key!);
        LogInvalidated(loggers.CreateLogger(typeof(InvalidationsApi)), invalidation.Key!, removed);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invalidated {Sku} (was cached: {WasCached})")]
    private static partial void LogInvalidated(ILogger logger, string sku, bool wasCached);
}

public sealed record InvalidationEvent(string? Key);
