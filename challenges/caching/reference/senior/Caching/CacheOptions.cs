namespace PriceLookup.Caching;

public sealed class CacheOptions
{
    /// <summary>A copy younger than this is served without asking the upstream (the brief allows 5 s).</summary>
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long an expired copy may still stand in while the upstream is failing.</summary>
    public TimeSpan ServeStaleFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The bytes of rendered prices the cache may hold; the least recently read go first.</summary>
    public long MaxBytes { get; set; } = 24L * 1024 * 1024;
}
