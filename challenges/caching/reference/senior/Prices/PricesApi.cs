using Microsoft.AspNetCore.Http.HttpResults;
using PriceLookup.Caching;
using PriceLookup.Upstream;

namespace PriceLookup.Prices;

public static class PricesApi
{
    public static IEndpointRouteBuilder MapPrices(this IEndpointRouteBuilder app)
    {
        app.MapGet("/prices/{sku}", GetPriceAsync)
            .WithName("GetPrice")
            .WithSummary("The price of one SKU, from the cache when it is fresh enough");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetPriceAsync(
        string sku, PriceCache cache, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!SkuRules.IsValid(sku))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sku"] = [SkuRules.Description] });
        }

        try
        {
            var lookup = await cache.GetAsync(sku, cancellationToken);
            if (lookup is not PriceLookupResult.Found found)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown SKU", detail: $"The upstream has no price for '{sku}'.");
            }

            // RFC 9211 Cache-Status tells clients (and whoever debugs them) where the answer came from.
            response.Headers["Cache-Status"] = found.Freshness switch
            {
                Freshness.Hit => "price-lookup; hit",
                Freshness.Stale => "price-lookup; hit; detail=stale",
                _ => "price-lookup; fwd=miss; stored",
            };
            response.Headers.Age = ((long)found.Age.TotalSeconds).ToString();
            response.Headers.ETag = $"\"{found.Record.Version}\"";
            return TypedResults.Bytes(found.Record.Body, "application/json");
        }
        catch (UpstreamUnavailableException exception)
        {
            return TypedResults.Problem(
                statusCode: exception.TimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable,
                title: "The price upstream is unavailable and no copy is cached",
                detail: exception.Message);
        }
    }
}
