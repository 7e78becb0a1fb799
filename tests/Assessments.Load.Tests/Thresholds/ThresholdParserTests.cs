using Assessments.Domain.Thresholds;

namespace Assessments.Load.Tests.Thresholds;

public sealed class ThresholdParserTests
{
    [Theory]
    [InlineData("p(99) < 50ms", ThresholdMetric.Percentile, 99.0, Comparison.LessThan, 50)]
    [InlineData("p(99.9)<=1s", ThresholdMetric.Percentile, 99.9, Comparison.LessOrEqual, 1000)]
    [InlineData("avg < 500us", ThresholdMetric.Average, null, Comparison.LessThan, 0.5)]
    [InlineData("max < 20", ThresholdMetric.Max, null, Comparison.LessThan, 20)]
    [InlineData("rate(failed) < 1%", ThresholdMetric.Rate, null, Comparison.LessThan, 0.01)]
    [InlineData("rate(checks) >= 0.99", ThresholdMetric.Rate, null, Comparison.GreaterOrEqual, 0.99)]
    [InlineData("rps >= 500", ThresholdMetric.Rps, null, Comparison.GreaterOrEqual, 500)]
    [InlineData("count(5xx) == 0", ThresholdMetric.Count, null, Comparison.Equal, 0)]
    public void Reads_each_metric_and_normalises_the_limit(string text, ThresholdMetric metric, double? argument, Comparison comparison, double limit)
    {
        var parsed = ThresholdParser.Parse(text);

        Assert.Equal(metric, parsed.Metric);
        Assert.Equal(argument, parsed.Argument);
        Assert.Equal(comparison, parsed.Comparison);
        Assert.Equal(limit, parsed.Limit, 9);
    }

    [Fact]
    public void A_step_tag_and_the_service_source_are_kept()
    {
        var parsed = ThresholdParser.Parse("service.p(95){step:login} < 200ms");

        Assert.Equal("service", parsed.Source);
        Assert.Equal("login", parsed.Step);
        Assert.Equal(200, parsed.Limit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("p(99)")]
    [InlineData("p(0) < 1ms")]
    [InlineData("p(101) < 1ms")]
    [InlineData("latency < 1ms")]
    [InlineData("rate(teapots) < 1%")]
    [InlineData("rate(failed) < 5")]
    [InlineData("p(99) < 5kg")]
    [InlineData("service.rps > 1")]
    public void Rejects_what_it_cannot_read_with_a_message(string text)
    {
        var error = Assert.Throws<ThresholdSyntaxException>(() => ThresholdParser.Parse(text));

        Assert.Contains("'", error.Message);
    }

    [Fact]
    public void Spec_options_follow_the_expression()
    {
        var spec = ThresholdSpec.Parse("p(99) < 50ms; abortOnFail; startCheckAfter=5s");

        Assert.Equal("p(99) < 50ms", spec.Expression);
        Assert.True(spec.AbortOnFail);
        Assert.Equal(TimeSpan.FromSeconds(5), spec.StartCheckAfter);
        Assert.Throws<ThresholdSyntaxException>(() => ThresholdSpec.Parse("p(99) < 50ms; abortEventually"));
    }
}
