using System.Security.Claims;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Tests.Security;

/// <summary>The caller cache's own rules, on a hand-driven clock: no server, no database.</summary>
public sealed class CallerCacheTests
{
    private readonly ManualClock _clock = new();
    private readonly CallerCache _cache;

    public CallerCacheTests()
    {
        _cache = new CallerCache(Options.Create(new ServerOptions { CallerCacheSeconds = 30, CallerCacheEntries = 2 }), _clock);
        _cache.StartListening();
    }

    [Fact]
    public void A_cached_caller_is_forgotten_after_the_time_to_live_even_if_no_notification_came()
    {
        Remember("token:a", "user:1");

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.NotNull(_cache.Find("token:a"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_cache.Find("token:a"));
    }

    [Fact]
    public void A_cached_caller_is_refused_at_its_credentials_own_expiry()
    {
        Remember("token:a", "invitation:1", expires: _clock.GetUtcNow().AddSeconds(5));

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(_cache.Find("token:a"));
    }

    [Fact]
    public void A_notification_naming_a_holder_evicts_every_credential_of_it_and_a_session_by_its_own_key()
    {
        Remember("token:a", "invitation:1");
        Remember("session:s", "invitation:1");
        _cache.Evict("invitation:1");
        Assert.Null(_cache.Find("token:a"));
        Assert.Null(_cache.Find("session:s"));

        Remember("session:s", "user:2");
        _cache.Evict("session:s");
        Assert.Null(_cache.Find("session:s"));
    }

    [Fact]
    public void A_lookup_that_overlapped_an_eviction_is_not_remembered()
    {
        // the row was read just before a revocation committed, and its notification came before the answer
        var generation = _cache.BeginLookup();
        _cache.Evict("invitation:1");
        _cache.Remember("token:a", "invitation:1", Principal(), DateTimeOffset.MaxValue, generation);

        Assert.Null(_cache.Find("token:a"));
    }

    [Fact]
    public void Nothing_cached_is_trusted_while_notifications_cannot_arrive_and_listening_again_starts_empty()
    {
        Remember("token:a", "user:1");

        _cache.StopListening();
        Assert.Null(_cache.Find("token:a"));
        Remember("token:b", "user:2");
        _cache.StartListening();

        Assert.Null(_cache.Find("token:a"));
        Assert.Null(_cache.Find("token:b"));
    }

    [Fact]
    public void At_capacity_a_newcomer_takes_the_place_of_an_outlived_entry_or_is_not_cached()
    {
        Remember("token:a", "user:1");
        _clock.Advance(TimeSpan.FromSeconds(31));
        Remember("token:b", "user:2");
        Remember("token:c", "user:3");

        Remember("token:d", "user:4");

        Assert.NotNull(_cache.Find("token:b"));
        Assert.NotNull(_cache.Find("token:c"));
        Assert.Null(_cache.Find("token:d"));
    }

    private void Remember(string key, string holder, DateTimeOffset? expires = null) =>
        _cache.Remember(key, holder, Principal(), expires ?? DateTimeOffset.MaxValue, _cache.BeginLookup());

    private static ClaimsPrincipal Principal() => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone")], "Bearer"));

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
