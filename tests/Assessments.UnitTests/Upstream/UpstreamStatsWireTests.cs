using System.Text.Json;
using Assessments.Upstream;
using RunnerStats = Assessments.Runner.Operations.UpstreamStats;
using StubStats = Assessments.Upstream.UpstreamStats;

namespace Assessments.UnitTests.Upstream;

/// <summary>
/// The stub writes its stats as its own record and the runner reads them into another (the stub's image
/// does not ship the runner): these tests keep the two from drifting apart unnoticed.
/// </summary>
public sealed class UpstreamStatsWireTests
{
    private const string Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    // What the stub's control plane serializes with: ASP.NET Core's web defaults.
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_runner_reads_back_every_counter_the_stub_writes()
    {
        // given a stub that saw two calls at once on one route and one on another
        var state = new UpstreamState(UpstreamSettings.Parse("""{ "resources": "prices", "data": { "SKU-1": { "priceCents": 1000 } } }"""));
        using (state.Begin("GET /prices/SKU-1", Traceparent))
        using (state.Begin("GET /prices/SKU-1", null))
        {
        }

        state.Begin("GET /prices/SKU-2", null).Dispose();
        var written = state.Stats();

        // when
        var read = RunnerStats.Parse(JsonSerializer.Serialize(written, Web));

        // then
        Assert.Equal(Sorted(written.Calls), Sorted(read.Calls));
        Assert.Equal(3, read.TotalCalls);
        Assert.Equal(Sorted(written.PeakConcurrency), Sorted(read.PeakConcurrency));
        Assert.Equal(2, read.PeakConcurrency["GET /prices/SKU-1"]);
        Assert.Equal([Traceparent], read.Traceparents);
    }

    [Fact]
    public void Every_field_the_runner_reads_has_the_type_the_stub_writes()
    {
        var stub = typeof(StubStats).GetProperties().ToDictionary(p => p.Name, p => p.PropertyType);

        foreach (var property in typeof(RunnerStats).GetProperties())
        {
            Assert.True(stub.TryGetValue(property.Name, out var written), $"the stub writes no {property.Name}");
            Assert.Equal(written, property.PropertyType);
        }
    }

    private static List<KeyValuePair<string, T>> Sorted<T>(IReadOnlyDictionary<string, T> values) =>
        [.. values.OrderBy(v => v.Key, StringComparer.Ordinal)];
}
