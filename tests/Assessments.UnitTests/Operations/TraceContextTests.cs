using Assessments.Runner.Operations;

namespace Assessments.UnitTests.Operations;

public sealed class TraceContextTests
{
    [Fact]
    public void A_fresh_context_is_a_valid_sampled_version_00_traceparent()
    {
        var trace = TraceContext.Fresh();

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", trace.Header);
        Assert.NotEqual(trace.TraceId, TraceContext.Fresh().TraceId);
    }

    [Fact]
    public void A_header_carries_the_trace_when_its_trace_id_matches_whatever_the_span()
    {
        var trace = new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");

        Assert.True(trace.IsCarriedBy("00-4BF92F3577B34DA6A3CE929D0E0E4736-b7ad6b7169203331-01"));
        Assert.True(trace.IsCarriedBy("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01, 00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-00"));
        Assert.False(trace.IsCarriedBy("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01"));
        Assert.False(trace.IsCarriedBy("4bf92f3577b34da6a3ce929d0e0e4736"));
        Assert.False(trace.IsCarriedBy(null));
    }

    [Fact]
    public void Upstream_stats_are_read_from_the_documented_shape()
    {
        const string json = """
            { "calls": { "GET /prices/SKU-1": 3 }, "totalCalls": 3, "peakConcurrency": { "GET /prices/SKU-1": 1 },
              "effects": { "o-1": { "attempts": 3, "failures": 2, "applied": 1, "idempotencyKeys": 1 } },
              "traceparents": [ "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" ] }
            """;

        var stats = UpstreamStats.Parse(json);

        Assert.Equal(3, stats.TotalCalls);
        Assert.Equal(3, stats.Calls["GET /prices/SKU-1"]);
        Assert.Single(stats.Traceparents);
        Assert.Empty(UpstreamStats.Parse("""{ "totalCalls": 0 }""").Traceparents);
    }
}
