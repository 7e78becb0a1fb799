namespace PriceLookup.Caching;

/// <summary>
/// Cached prices within a byte budget, evicting the least recently read. One lock guards the index and
/// the recency list together; every operation under it is O(1).
/// </summary>
public sealed class RecentlyUsedStore(long maxBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CachedPrice>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedPrice> _recency = new();
    private long _bytes;
    private long _evictions;

    public CachedPrice? Find(string sku)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(sku, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }
    }

    public void Store(CachedPrice price)
    {
        if (price.Size > maxBytes)
        {
            return;
        }

        lock (_gate)
        {
            RemoveLocked(price.Record.Sku);
            _index[price.Record.Sku] = _recency.AddFirst(price);
            _bytes += price.Size;
            while (_bytes > maxBytes && _recency.Last is { } oldest)
            {
                RemoveLocked(oldest.Value.Record.Sku);
                _evictions++;
            }
        }
    }

    public bool Remove(string sku)
    {
        lock (_gate)
        {
            return RemoveLocked(sku);
        }
    }

    public StoreUsage Usage()
    {
        lock (_gate)
        {
            return new StoreUsage(_index.Count, _bytes, _evictions);
        }
    }

    private bool RemoveLocked(string sku)
    {
        if (!_index.Remove(sku, out var node))
        {
            return false;
        }

        _recency.Remove(node);
        _bytes -= node.Value.Size;
        return true;
    }
}

public readonly record struct StoreUsage(int Entries, long Bytes, long Evictions);
