using Assessments.Server.Hosting;
using Assessments.Server.Submissions;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Tests.Reports;

/// <summary>The report cache's own rules, on a hand-driven clock: no server, no database.</summary>
public sealed class ReportCacheTests
{
    // Room for twelve bodies of 1,000 bytes (1,266 with an entry's overhead), not thirteen.
    private const long Budget = 16 * 1024;

    private readonly ManualClock _clock = new();
    private readonly ReportCache _cache;

    public ReportCacheTests()
    {
        _cache = new ReportCache(Options.Create(new ServerOptions { ReportCacheSeconds = 30, ReportCacheBytes = Budget }), _clock);
        _cache.StartListening();
    }

    [Fact]
    public void A_cached_report_is_served_under_its_tag_until_the_time_to_live_even_if_no_notification_came()
    {
        var id = Guid.NewGuid();
        Remember(id, ReportCache.Form.Json, size: 100, tag: "\"v1\"");

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("\"v1\"", _cache.Find(id, ReportCache.Form.Json)!.EntityTag);
        Assert.Null(_cache.Find(id, ReportCache.Form.Html));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_cache.Find(id, ReportCache.Form.Json));
        Assert.Equal(0, _cache.Bytes);
    }

    [Fact]
    public void A_notification_naming_a_submission_evicts_both_forms_of_its_report_and_no_other()
    {
        var (changed, other) = (Guid.NewGuid(), Guid.NewGuid());
        Remember(changed, ReportCache.Form.Json);
        Remember(changed, ReportCache.Form.Html);
        Remember(other, ReportCache.Form.Json);

        _cache.Evict(changed.ToString());

        Assert.Null(_cache.Find(changed, ReportCache.Form.Json));
        Assert.Null(_cache.Find(changed, ReportCache.Form.Html));
        Assert.NotNull(_cache.Find(other, ReportCache.Form.Json));

        _cache.Evict("all");
        Assert.Null(_cache.Find(other, ReportCache.Form.Json));
        Assert.Equal(0, _cache.Bytes);
    }

    [Fact]
    public void A_load_that_overlapped_an_eviction_is_not_remembered()
    {
        // the report was read just before a regrade committed, and its notification came before the answer
        var id = Guid.NewGuid();
        var generation = _cache.BeginLoad();
        _cache.Evict(id.ToString());
        _cache.Remember(id, ReportCache.Form.Json, "\"old\"", "application/json", new byte[10], generation);

        Assert.Null(_cache.Find(id, ReportCache.Form.Json));
        Assert.Equal(0, _cache.Bytes);
    }

    [Fact]
    public void Nothing_cached_is_served_while_notifications_cannot_arrive_and_listening_again_starts_empty()
    {
        var (before, during) = (Guid.NewGuid(), Guid.NewGuid());
        Remember(before, ReportCache.Form.Json);

        _cache.StopListening();
        Assert.Null(_cache.Find(before, ReportCache.Form.Json));
        Remember(during, ReportCache.Form.Json);
        _cache.StartListening();

        Assert.Null(_cache.Find(before, ReportCache.Form.Json));
        Assert.Null(_cache.Find(during, ReportCache.Form.Json));
    }

    [Fact]
    public void Over_its_byte_budget_the_cache_drops_the_least_recently_read_reports_first()
    {
        // given: twelve reports fill the budget; the first is read again, so the second is now the least recent
        var ids = Enumerable.Range(0, 13).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 12; i++)
        {
            Remember(ids[i], ReportCache.Form.Json, size: 1_000);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.NotNull(_cache.Find(ids[0], ReportCache.Form.Json));
        _clock.Advance(TimeSpan.FromSeconds(1));

        // when
        Remember(ids[12], ReportCache.Form.Json, size: 1_000);

        // then: back under budget with room to spare, the least recently read gone, the recently read kept
        Assert.InRange(_cache.Bytes, 1, Budget * 3 / 4);
        Assert.Null(_cache.Find(ids[1], ReportCache.Form.Json));
        Assert.NotNull(_cache.Find(ids[0], ReportCache.Form.Json));
        Assert.NotNull(_cache.Find(ids[11], ReportCache.Form.Json));
        Assert.NotNull(_cache.Find(ids[12], ReportCache.Form.Json));
    }

    [Fact]
    public void A_report_larger_than_a_sixteenth_of_the_budget_is_not_cached()
    {
        var id = Guid.NewGuid();

        Remember(id, ReportCache.Form.Html, size: (int)(Budget / 16) + 1);

        Assert.Null(_cache.Find(id, ReportCache.Form.Html));
        Assert.Equal(0, _cache.Bytes);
    }

    private void Remember(Guid id, ReportCache.Form form, int size = 100, string tag = "\"tag\"") =>
        _cache.Remember(id, form, tag, "application/json", new byte[size], _cache.BeginLoad());

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
