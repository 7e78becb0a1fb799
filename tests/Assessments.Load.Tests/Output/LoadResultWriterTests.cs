using System.Text.Json;
using Assessments.Load.Output;
using Assessments.Load.SelfCheck;
using Assessments.Load.Statistics;
using Assessments.Load.Thresholds;

namespace Assessments.Load.Tests.Output;

public sealed class LoadResultWriterTests
{
    private static LoadResult Sample() => new()
    {
        Valid = false,
        InvalidReason = "generator saturated: <test>",
        InvalidReasons = ["generator saturated: <test>"],
        Model = "open",
        Target = "http://127.0.0.1:1/",
        StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 2,
        WarmupSeconds = 1,
        Requests = 20,
        Rps = 10,
        Errors = 1,
        ErrorKinds = new Dictionary<string, long> { ["timeout"] = 1 },
        StatusCodes = new Dictionary<string, long> { ["200"] = 19 },
        Latency = LatencyStatistics.Empty with { Count = 20, P50 = 1.5, P90 = 2, P99 = 3, Max = 4 },
        ServiceTime = LatencyStatistics.Empty,
        Checks = new CheckStatistics(19, 0),
        ThresholdsPassed = false,
        Generator = new GeneratorReport("open", 10, 10, 0, 20, 20, LatencyStatistics.Empty, 1, LatencyStatistics.Empty, 5, 0.1, 10, 10),
        Steps = [],
        Thresholds = [new ThresholdResult("p(99) < 2ms", null, false, 3, 2, "ms", false, false, null)],
        Timeline =
        [
            new TimelinePoint(1, 1, true, 10, 0, 10, 1, 2, 3, 4, 0.1, 1),
            new TimelinePoint(2, 1, false, 10, 1, 10, 1, 2, 3, 4, 0.1, 1),
        ],
    };

    [Fact]
    public void The_json_has_the_documented_fields_in_camel_case_and_round_trips()
    {
        var json = LoadResultWriter.ToJson(Sample());
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(20, root.GetProperty("requests").GetInt64());
        Assert.Equal(10, root.GetProperty("rps").GetDouble());
        Assert.Equal(1, root.GetProperty("errors").GetInt64());
        foreach (var field in new[] { "p50", "p90", "p99", "max", "p999" })
        {
            Assert.True(root.GetProperty("latency").TryGetProperty(field, out _), field);
        }

        Assert.Equal(Sample().Latency, LoadResultWriter.FromJson(json)!.Latency);
    }

    [Fact]
    public void The_markdown_leads_with_the_verdict_and_lists_thresholds()
    {
        var markdown = LoadResultWriter.ToMarkdown(Sample());

        Assert.Contains("**Invalid run**", markdown);
        Assert.Contains("| `p(99) < 2ms` | 3 ms | FAIL |", markdown);
    }

    [Fact]
    public void The_html_fragment_embeds_two_svg_charts_and_escapes_text()
    {
        var html = LoadResultWriter.ToHtmlFragment(Sample());

        Assert.StartsWith("<section", html);
        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Contains("&lt;test&gt;", html);
        Assert.DoesNotContain("<test>", html);
        Assert.Contains("<polyline", html);
    }
}
