using PriceLookup.Upstream;

namespace PriceLookup.Caching;

/// <summary>What a lookup found; Freshness says how the caller should label it.</summary>
public abstract record PriceLookupResult
{
    public sealed record Found(PriceRecord Record, Freshness Freshness, TimeSpan Age) : PriceLookupResult;

    public sealed record Unknown : PriceLookupResult;
}

public enum Freshness
{
    Hit,
    Fetched,
    Stale,
}
