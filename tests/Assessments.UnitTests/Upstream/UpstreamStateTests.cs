using System.Text.Json.Nodes;
using Assessments.Domain.Challenges;
using Assessments.Runner.Dependencies;
using Assessments.Upstream;

namespace Assessments.UnitTests.Upstream;

/// <summary>The stub's bookkeeping without its web host: faults, idempotency, counters and reset.</summary>
public sealed class UpstreamStateTests
{
    private static UpstreamState NewState() => new(UpstreamSettings.Parse("""
        { "resources": "prices", "effects": "payments", "latencyMs": 100, "jitterMs": 20, "seed": 7,
          "data": { "SKU-1": { "priceCents": 1000 } } }
        """));

    [Fact]
    public void The_runners_settings_json_is_what_the_stub_reads()
    {
        var spec = new UpstreamSpec("prices", "payments", 120, 20, 64, """{"SKU-1":{"priceCents":1000}}""");

        var settings = UpstreamSettings.Parse(UpstreamContainer.SettingsJson(spec, seed: 42));

        Assert.Equal(("prices", "payments", 120, 20, 64, 42), (settings.Resources, settings.Effects, settings.LatencyMs, settings.JitterMs, settings.PaddingBytes, settings.Seed));
        Assert.Equal(1000, settings.Data["SKU-1"]["priceCents"]!.GetValue<int>());
    }

    [Fact]
    public void A_repeated_idempotency_key_replays_the_first_receipt_and_is_applied_once()
    {
        var state = NewState();

        var first = state.Effect("o-1", "k-1", state.Judge("o-1"));
        var again = state.Effect("o-1", "k-1", state.Judge("o-1"));
        var unkeyed = state.Effect("o-1", null, state.Judge("o-1"));

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Receipt, again.Receipt);
        Assert.NotEqual(first.Receipt, unkeyed.Receipt);
        Assert.Equal(new EffectStats(3, 0, 2, 1, null, null), state.Stats().Effects["o-1"] with { FirstAppliedAt = null, LastAppliedAt = null });
    }

    [Fact]
    public void Fail_first_fails_the_first_attempts_of_each_key_then_serves_it()
    {
        var state = NewState();
        state.ChangeFaults(new FaultChange(null, null, null, 2, null));

        var verdicts = new[] { state.Judge("SKU-1"), state.Judge("SKU-1"), state.Judge("SKU-1"), state.Judge("SKU-2") };

        Assert.Equal([Verdict.FailedFirst, Verdict.FailedFirst, Verdict.Served, Verdict.FailedFirst], verdicts);
    }

    [Fact]
    public void Poison_globs_always_fail_and_an_outage_fails_everything()
    {
        var state = NewState();
        state.ChangeFaults(new FaultChange(null, null, null, null, ["poison-*"]));
        Assert.Equal(Verdict.Poisoned, state.Judge("poison-42"));
        Assert.Equal(Verdict.Served, state.Judge("SKU-1"));

        state.ChangeFaults(new FaultChange(null, null, true, null, null));
        Assert.Equal(Verdict.Outage, state.Judge("SKU-1"));
    }

    [Fact]
    public void Failed_effect_attempts_are_counted_but_not_applied()
    {
        var state = NewState();
        state.ChangeFaults(new FaultChange(null, null, null, 1, null));

        state.Effect("o-9", "k-9", state.Judge("o-9"));
        state.Effect("o-9", "k-9", state.Judge("o-9"));

        var stats = state.Stats().Effects["o-9"];
        Assert.Equal((2, 1, 1), (stats.Attempts, stats.Failures, stats.Applied));
    }

    [Fact]
    public void Calls_and_peak_concurrency_are_counted_per_route_and_reset_clears_them_and_the_faults()
    {
        var state = NewState();
        var a = state.Begin("GET /prices/SKU-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var b = state.Begin("GET /prices/SKU-1", null);
        a.Dispose();
        b.Dispose();
        state.Begin("GET /prices/SKU-1", null).Dispose();
        state.ChangeFaults(new FaultChange(400, null, true, null, null));

        var before = state.Stats();
        state.Reset();
        var after = state.Stats();

        Assert.Equal((3L, 3L, 2), (before.Calls["GET /prices/SKU-1"], before.TotalCalls, before.PeakConcurrency["GET /prices/SKU-1"]));
        Assert.Single(before.Traceparents);
        Assert.Equal((0, 0L, 0), (after.Calls.Count, after.TotalCalls, after.Traceparents.Count));
        Assert.Equal(new FaultSettings(100, 20, false, 0, []), after.Faults with { FailKeys = [] });
        Assert.False(after.Faults.Outage);
    }

    [Fact]
    public void Changing_data_bumps_the_version_and_generated_keys_are_deterministic()
    {
        var state = NewState();

        var changed = state.Set("SKU-1", new JsonObject { ["priceCents"] = 1299 });

        Assert.Equal(2, changed.Version);
        Assert.Equal("\"2\"", state.Find("SKU-1")!.ETag);
        Assert.Equal(state.Find("gen-12")!.Data.ToJsonString(), NewState().Find("gen-12")!.Data.ToJsonString());
        Assert.Null(state.Find("nope"));
    }

    [Theory]
    [InlineData("poison-*", "poison-1", true)]
    [InlineData("poison-*", "poison-", true)]
    [InlineData("poison-*", "apoison-1", false)]
    [InlineData("*-bad", "order-bad", true)]
    [InlineData("SKU-?", "SKU-1", true)]
    [InlineData("SKU-?", "SKU-10", false)]
    public void Fail_key_globs_match_like_a_shell(string glob, string key, bool matches) => Assert.Equal(matches, Glob.Matches(glob, key));

    [Fact]
    public void Jitter_is_seeded_so_a_grading_repeats()
    {
        var one = NewState();
        var two = NewState();

        var first = Enumerable.Range(0, 5).Select(_ => one.NextLatency()).ToList();
        var second = Enumerable.Range(0, 5).Select(_ => two.NextLatency()).ToList();

        Assert.Equal(first, second);
        Assert.All(first, l => Assert.InRange(l.TotalMilliseconds, 100, 120));
    }
}
