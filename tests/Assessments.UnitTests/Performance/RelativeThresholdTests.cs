using Assessments.Domain.Performance;
using Assessments.Domain.Thresholds;

namespace Assessments.UnitTests.Performance;

public sealed class RelativeThresholdTests
{
    private static readonly BaselineFigures Reference = new(P50: 2.5, P90: 4.1, P99: 7.1, Max: 30, Rps: 199.6, Requests: 1600, Errors: 0, MeasuredAt: DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_p99_threshold_becomes_factor_times_the_references_p99_plus_the_slack()
    {
        var derived = RelativeThreshold.Parse("p(99) < 3 x baseline + 20ms").Derive(Reference);

        Assert.Equal("p(99) < 41.3ms", derived.Absolute);
        Assert.Equal("p(99) < 3 x baseline + 20ms", derived.Written);
        Assert.Contains("3 × the reference's p99 7.1ms + 20ms = 41.3ms", derived.Derivation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p(99) < 3 x baseline + 20ms", ThresholdMetric.Percentile, Comparison.LessThan, 41.3)]
    [InlineData("med <= 2× baseline", ThresholdMetric.Median, Comparison.LessOrEqual, 5)]
    [InlineData("max < 1.5 * baseline - 5ms", ThresholdMetric.Max, Comparison.LessThan, 40)]
    [InlineData("p(90) < 4 x baseline", ThresholdMetric.Percentile, Comparison.LessThan, 16.4)]
    public void The_rewritten_threshold_is_read_by_the_load_engine_as_the_derived_limit(string text, ThresholdMetric metric, Comparison comparison, double limitMs)
    {
        var absolute = RelativeThreshold.Parse(text).Derive(Reference).Absolute;

        var parsed = ThresholdSpec.Parse(absolute).Parsed;

        Assert.Equal((metric, comparison, "ms"), (parsed.Metric, parsed.Comparison, parsed.Unit));
        Assert.Equal(limitMs, parsed.Limit, precision: 6);
    }

    [Fact]
    public void Throughput_scales_without_a_unit()
    {
        var derived = RelativeThreshold.Parse("rps >= 0.9 x baseline").Derive(Reference);

        Assert.Equal("rps >= 179.64", derived.Absolute);
        var parsed = ThresholdSpec.Parse(derived.Absolute).Parsed;
        Assert.Equal((ThresholdMetric.Rps, Comparison.GreaterOrEqual, 179.64), (parsed.Metric, parsed.Comparison, parsed.Limit));
    }

    [Fact]
    public void A_negative_slack_never_makes_a_negative_limit()
    {
        var derived = RelativeThreshold.Parse("p(50) < 1 x baseline - 100ms").Derive(Reference);

        Assert.Equal("p(50) < 0ms", derived.Absolute);
    }

    [Theory]
    [InlineData("p(99) < 3 x baseline + 20s", "slack")]
    [InlineData("rate(failed) < 2 x baseline", "scales p(50)")]
    [InlineData("p(99.9) < 2 x baseline", "scales p(50)")]
    [InlineData("p(99) < 0 x baseline", "factor")]
    [InlineData("p(99) < baseline", "expected")]
    [InlineData("rps >= 0.5 x baseline + 3ms", "slack")]
    public void Thresholds_it_cannot_derive_are_refused_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RelativeThreshold.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p(99) < 3 x baseline + 20ms", true)]
    [InlineData("p(99) < 100ms", false)]
    [InlineData("rate(failed) < 1%", false)]
    public void Only_thresholds_that_name_the_baseline_are_relative(string text, bool relative)
    {
        Assert.Equal(relative, RelativeThreshold.IsRelative(text));
    }
}
