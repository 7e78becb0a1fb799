using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PriceLookup.Caching;

namespace PriceLookup.Operations;

/// <summary>Counters kept with Interlocked and written in the Prometheus text format on demand.</summary>
public sealed class ServiceMetrics
{
    private readonly ConcurrentDictionary<(string Method, int Status), long> _requests = new();
    private long _hits;
    private long _misses;
    private long _stale;
    private long _upstreamCalls;
    private long _upstreamFailures;

    public void Request(string method, int status) => _requests.AddOrUpdate((method, status), 1, static (_, n) => n + 1);

    public void CacheHit() => Interlocked.Increment(ref _hits);

    public void CacheMiss() => Interlocked.Increment(ref _misses);

    public void StaleServed() => Interlocked.Increment(ref _stale);

    public void UpstreamCall() => Interlocked.Increment(ref _upstreamCalls);

    public void UpstreamFailure() => Interlocked.Increment(ref _upstreamFailures);

    public string Render(StoreUsage usage)
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP http_requests_total HTTP requests answered, by method and status code.");
        text.AppendLine("# TYPE http_requests_total counter");
        foreach (var ((method, status), count) in _requests.OrderBy(r => r.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{method=\"{method}\",code=\"{status}\"}} {count}\n");
        }

        Counter(text, "price_cache_hits_total", "Lookups answered from a fresh cached copy.", Interlocked.Read(ref _hits));
        Counter(text, "price_cache_misses_total", "Lookups that needed the upstream.", Interlocked.Read(ref _misses));
        Counter(text, "price_cache_stale_served_total", "Expired copies served because the upstream failed.", Interlocked.Read(ref _stale));
        Counter(text, "price_cache_evictions_total", "Entries evicted to stay within the byte budget.", usage.Evictions);
        Counter(text, "upstream_requests_total", "Calls made to the price upstream.", Interlocked.Read(ref _upstreamCalls));
        Counter(text, "upstream_failures_total", "Upstream calls that failed or timed out.", Interlocked.Read(ref _upstreamFailures));
        Gauge(text, "price_cache_entries", "Prices held in the cache.", usage.Entries);
        Gauge(text, "price_cache_bytes", "Bytes of prices held in the cache.", usage.Bytes);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) => Sample(text, name, "counter", help, value);

    private static void Gauge(StringBuilder text, string name, string help, long value) => Sample(text, name, "gauge", help, value);

    private static void Sample(StringBuilder text, string name, string type, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value}\n");
}
