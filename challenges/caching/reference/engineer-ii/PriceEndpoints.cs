namespace Prices.Api;

public static class PriceEndpoints
{
    public static void MapPriceEndpoints(this WebApplication app)
    {
        app.MapGet("/prices/{sku}", async (string sku, PriceService prices, CancellationToken ct) =>
        {
            var result = await prices.GetPriceAsync(sku, ct);
            return result.Outcome switch
            {
                LookupOutcome.Found => Results.Text(result.Json!, "application/json"),
                LookupOutcome.NotFound => Results.Problem(statusCode: 404, title: "Price not found", detail: $"No price for SKU {sku}"),
                LookupOutcome.TimedOut => Results.Problem(statusCode: 504, title: "Price upstream timed out"),
                _ => Results.Problem(statusCode: 503, title: "Price upstream unavailable"),
            };
        });

        app.MapPost("/invalidations", (InvalidationRequest request, PriceService prices) =>
        {
            if (string.IsNullOrWhiteSpace(request.Key))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["key"] = ["key is required"],
                });
            }

            prices.Invalidate(request.Key);
            return Results.NoContent();
        });
    }
}

public record InvalidationRequest(string? Key);
