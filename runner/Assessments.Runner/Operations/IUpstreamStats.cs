using System.Text.Json;

namespace Assessments.Runner.Operations;

/// <summary>The upstream stub's counters, read from its control plane (<c>GET /control/stats</c>).</summary>
public interface IUpstreamStats
{
    Task<UpstreamStats> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The part of the stub's stats the runner reads: <see cref="TraceContextCheck"/> its traceparents, the
/// load stage's <see cref="Grading.UpstreamEfficiency"/> its total calls. The stub writes them as its own
/// <c>Assessments.Upstream.UpstreamStats</c> (every field listed in runner/Assessments.Upstream/README.md,
/// <c>GET /control/stats</c>), and tests/Assessments.UnitTests/Upstream/UpstreamStatsWireTests.cs keeps the
/// two in step; the scenario steps' <c>expectUpstream</c> read the same JSON untyped (<see cref="Checks.UpstreamStatsCheck"/>).
/// </summary>
public sealed record UpstreamStats(
    IReadOnlyDictionary<string, long> Calls,
    long TotalCalls,
    IReadOnlyDictionary<string, int> PeakConcurrency,
    IReadOnlyList<string> Traceparents)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static UpstreamStats Parse(string json) =>
        JsonSerializer.Deserialize<UpstreamStats>(json, Options) is { } stats
            ? stats with { Calls = stats.Calls ?? new Dictionary<string, long>(), PeakConcurrency = stats.PeakConcurrency ?? new Dictionary<string, int>(), Traceparents = stats.Traceparents ?? [] }
            : throw new JsonException("the stub's stats were empty");
}

