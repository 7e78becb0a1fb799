using System.Text.Json.Nodes;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;

namespace Assessments.UnitTests.Checks;

public sealed class UpstreamStatsCheckTests
{
    private static readonly JsonObject Stats = JsonNode.Parse("""
        {
          "calls": { "GET /prices/SKU-9": 3, "POST /payments": 4 },
          "totalCalls": 7,
          "peakConcurrency": { "GET /prices/SKU-9": 3, "POST /payments": 2 },
          "effects": {
            "o-1": { "attempts": 1, "failures": 0, "applied": 1, "idempotencyKeys": 1 },
            "o-2": { "attempts": 3, "failures": 1, "applied": 2, "idempotencyKeys": 1 }
          },
          "traceparents": [ "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" ]
        }
        """)!.AsObject();

    private static readonly Dictionary<string, IReadOnlyList<string>> Lists = new() { ["accepted"] = ["o-1", "o-2", "o-3"] };

    [Fact]
    public void Counters_within_their_comparisons_pass_and_the_excerpt_shows_them()
    {
        var step = Step(calls: new() { ["GET /prices/SKU-9"] = Cmp("<=3") }, total: Cmp(">=7"), peak: new() { ["POST /payments"] = Cmp("<=4") });

        var (problems, excerpt) = UpstreamStatsCheck.Judge(step, Stats, Lists, null);

        Assert.Empty(problems);
        Assert.Equal(["calls[\"GET /prices/SKU-9\"] = 3 (expected <=3)", "totalCalls = 7 (expected >=7)", "peakConcurrency[\"POST /payments\"] = 2 (expected <=4)"], excerpt);
    }

    [Fact]
    public void A_stampede_shows_as_calls_and_peak_concurrency_beyond_one()
    {
        var step = Step(calls: new() { ["GET /prices/SKU-9"] = Cmp("<=1") }, peak: new() { ["GET /prices/SKU-9"] = Cmp("==1") });

        var (problems, _) = UpstreamStatsCheck.Judge(step, Stats, Lists, null);

        Assert.Equal(["calls[\"GET /prices/SKU-9\"] is 3, expected <=1", "peakConcurrency[\"GET /prices/SKU-9\"] is 3, expected ==1"], problems);
    }

    [Fact]
    public void A_route_the_stub_never_saw_counts_as_zero()
    {
        var (problems, _) = UpstreamStatsCheck.Judge(Step(calls: new() { ["GET /prices/NEW"] = Cmp("==0") }), Stats, Lists, null);

        Assert.Empty(problems);
    }

    [Fact]
    public void Effects_are_checked_for_every_collected_reference_and_the_wrong_ones_are_named()
    {
        var step = Step(effects: new EffectsExpectation("accepted", Cmp("==1"), null, null));

        var (problems, excerpt) = UpstreamStatsCheck.Judge(step, Stats, Lists, null);

        Assert.Equal(["2 of 3 reference(s) in 'accepted' were not as expected, e.g. o-2: applied 2 (expected ==1)"], problems);
        Assert.Equal(["effects: 1 of 3 reference(s) in 'accepted' as expected", "o-2: applied 2 (expected ==1)", "o-3: applied 0 (expected ==1)"], excerpt);
    }

    [Fact]
    public void An_empty_collected_list_fails_rather_than_passing_vacuously()
    {
        var step = Step(effects: new EffectsExpectation("accepted", Cmp("==1"), null, null));

        var (problems, _) = UpstreamStatsCheck.Judge(step, Stats, new Dictionary<string, IReadOnlyList<string>> { ["accepted"] = [] }, null);

        Assert.Equal(["the list 'accepted' is empty: no reference to check"], problems);
    }

    [Theory]
    [InlineData("0af7651916cd43dd8448eb211c80319c", true)]
    [InlineData("11111111111111111111111111111111", false)]
    [InlineData(null, false)]
    public void Traced_from_last_request_looks_for_its_trace_id_among_the_recorded_traceparents(string? traceId, bool reached)
    {
        var (problems, excerpt) = UpstreamStatsCheck.Judge(Step(traced: true), Stats, Lists, traceId);

        Assert.Equal(reached, problems.Count == 0);
        Assert.StartsWith("traceparents: 1 recorded", Assert.Single(excerpt), StringComparison.Ordinal);
    }

    private static Comparison Cmp(string text) => Comparison.TryParse(text, out var c) ? c : throw new FormatException(text);

    private static ExpectUpstreamStep Step(
        Dictionary<string, Comparison>? calls = null,
        Comparison? total = null,
        Dictionary<string, Comparison>? peak = null,
        EffectsExpectation? effects = null,
        bool traced = false) =>
        new(calls ?? [], total, peak ?? [], effects, traced, null);
}
