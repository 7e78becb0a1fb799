using System.Collections.Concurrent;

namespace Prices.Api;

public class SkuLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public SemaphoreSlim For(string sku) => _locks.GetOrAdd(sku, _ => new SemaphoreSlim(1, 1));
}
