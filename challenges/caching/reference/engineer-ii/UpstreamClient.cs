using System.Net;

namespace Prices.Api;

public class UpstreamClient(HttpClient http, ILogger<UpstreamClient> logger)
{
    public async Task<LookupResult> GetPriceAsync(string sku, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"/prices/{Uri.EscapeDataString(sku)}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return LookupResult.NotFound();
            }

            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Upstream returned {StatusCode} for {Sku}", (int)response.StatusCode, sku);
                return LookupResult.Unavailable();
            }

            return LookupResult.Found(await response.Content.ReadAsStringAsync(ct));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Upstream timed out for {Sku}", sku);
            return LookupResult.TimedOut();
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Upstream request failed for {Sku}", sku);
            return LookupResult.Unavailable();
        }
    }
}

public enum LookupOutcome { Found, NotFound, Unavailable, TimedOut }

public record LookupResult(LookupOutcome Outcome, string? Json)
{
    public static LookupResult Found(string json) => new(LookupOutcome.Found, json);
    public static LookupResult NotFound() => new(LookupOutcome.NotFound, null);
    public static LookupResult Unavailable() => new(LookupOutcome.Unavailable, null);
    public static LookupResult TimedOut() => new(LookupOutcome.TimedOut, null);
}
