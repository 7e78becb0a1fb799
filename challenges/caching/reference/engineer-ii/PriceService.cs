using Microsoft.Extensions.Caching.Memory;

namespace Prices.Api;

public class PriceService(UpstreamClient upstream, IMemoryCache cache, SkuLocks locks, ILogger<PriceService> logger)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    public async Task<LookupResult> GetPriceAsync(string sku, CancellationToken ct)
    {
        if (cache.TryGetValue(sku, out string? cached))
        {
            return LookupResult.Found(cached!);
        }

        // Only one request per SKU goes to the upstream; the others wait and then read the cache.
        var gate = locks.For(sku);
        await gate.WaitAsync(ct);
        try
        {
            if (cache.TryGetValue(sku, out cached))
            {
                return LookupResult.Found(cached!);
            }

            var result = await upstream.GetPriceAsync(sku, ct);
            if (result.Outcome == LookupOutcome.Found)
            {
                cache.Set(sku, result.Json, new MemoryCacheEntryOptions
                {
                    Size = 1,
                    AbsoluteExpirationRelativeToNow = CacheDuration,
                });
                logger.LogDebug("Cached price for {Sku}", sku);
            }

            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate(string sku)
    {
        cache.Remove(sku);
        logger.LogInformation("Invalidated price for {Sku}", sku);
    }
}
