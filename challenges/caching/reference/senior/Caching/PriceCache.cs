using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PriceLookup.Operations;
using PriceLookup.Upstream;

namespace PriceLookup.Caching;

/// <summary>
/// Read-through cache over the upstream. Concurrent misses for one SKU share a single upstream call
/// (a "flight"), which runs apart from any one caller so that a caller giving up does not fail it for
/// the others. When the upstream fails, an expired copy is served rather than an error.
/// </summary>
public sealed partial class PriceCache(
    PriceSource source,
    RecentlyUsedStore store,
    IOptions<CacheOptions> options,
    TimeProvider clock,
    ServiceMetrics metrics,
    ILogger<PriceCache> logger)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PriceRecord?>> _flights = new(StringComparer.Ordinal);
    private long _invalidations;

    public async Task<PriceLookupResult> GetAsync(string sku, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cached = store.Find(sku);
        if (cached is not null && now < cached.FreshUntil)
        {
            metrics.CacheHit();
            return new PriceLookupResult.Found(cached.Record, Freshness.Hit, now - cached.FetchedAt);
        }

        metrics.CacheMiss();
        try
        {
            var record = await JoinFlight(sku).WaitAsync(cancellationToken);
            return record is null
                ? new PriceLookupResult.Unknown()
                : new PriceLookupResult.Found(record, Freshness.Fetched, TimeSpan.Zero);
        }
        catch (UpstreamUnavailableException exception) when (cached is not null && now < cached.StaleUntil)
        {
            var age = clock.GetUtcNow() - cached.FetchedAt;
            LogServingStale(sku, age.TotalSeconds, exception.Message);
            metrics.StaleServed();
            return new PriceLookupResult.Found(cached.Record, Freshness.Stale, age);
        }
    }

    /// <summary>Forgets a SKU so that the next read asks the upstream, even if a fetch is under way.</summary>
    public bool Invalidate(string sku)
    {
        Interlocked.Increment(ref _invalidations);
        _flights.TryRemove(sku, out _);
        return store.Remove(sku);
    }

    private Task<PriceRecord?> JoinFlight(string sku)
    {
        var candidate = new TaskCompletionSource<PriceRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _flights.GetOrAdd(sku, candidate);
        if (ReferenceEquals(flight, candidate))
        {
            _ = FlyAsync(sku, candidate);
        }

        return flight.Task;
    }

    private async Task FlyAsync(string sku, TaskCompletionSource<PriceRecord?> flight)
    {
        var invalidationsAtStart = Interlocked.Read(ref _invalidations);
        try
        {
            metrics.UpstreamCall();
            // No caller's token: the flight serves every caller waiting on it, and the upstream timeout
            // bounds it, so it also completes for requests still in flight while the host shuts down.
            var record = await source.FetchAsync(sku, CancellationToken.None);
            // A copy fetched while an invalidation arrived may predate it: hand it to the callers who
            // were waiting, but do not keep it.
            if (record is not null && invalidationsAtStart == Interlocked.Read(ref _invalidations))
            {
                var now = clock.GetUtcNow();
                var settings = options.Value;
                store.Store(new CachedPrice(record, now, now + settings.FreshFor, now + settings.ServeStaleFor));
            }

            flight.TrySetResult(record);
        }
        catch (UpstreamUnavailableException exception)
        {
            metrics.UpstreamFailure();
            LogUpstreamUnavailable(sku, exception.Message);
            flight.TrySetException(exception);
        }
        catch (Exception exception)
        {
            // Whatever else went wrong belongs to the callers waiting on this flight, who turn it into a 500.
            metrics.UpstreamFailure();
            flight.TrySetException(exception);
        }
        finally
        {
            _flights.TryRemove(KeyValuePair.Create(sku, flight));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serving {Sku} {AgeSeconds:F1} s old because {Reason}")]
    private partial void LogServingStale(string sku, double ageSeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream unavailable for {Sku}: {Reason}")]
    private partial void LogUpstreamUnavailable(string sku, string reason);
}
