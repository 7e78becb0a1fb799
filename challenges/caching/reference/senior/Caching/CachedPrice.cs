using PriceLookup.Upstream;

namespace PriceLookup.Caching;

public sealed record CachedPrice(PriceRecord Record, DateTimeOffset FetchedAt, DateTimeOffset FreshUntil, DateTimeOffset StaleUntil)
{
    // The body dominates; the rest is a fair allowance for the record, the key and the list node.
    public long Size => Record.Body.Length + (Record.Sku.Length * 2L) + 160;
}
