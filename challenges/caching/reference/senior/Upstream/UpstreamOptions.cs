namespace PriceLookup.Upstream;

public sealed class UpstreamOptions
{
    /// <summary>Where the price upstream listens; the platform sets UPSTREAM_URL.</summary>
    public Uri BaseAddress { get; set; } = new("http://localhost:8081");

    /// <summary>
    /// How long a caller may wait on the upstream. Past it a stale copy (or a 504) is better than a
    /// client that hangs with us.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
