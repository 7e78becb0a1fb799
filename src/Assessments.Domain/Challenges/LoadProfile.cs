using Assessments.Domain.Performance;
using Assessments.Domain.Scenarios;

namespace Assessments.Domain.Challenges;

/// <summary>
/// The load a challenge puts on the service once it passed its checks: one request at a constant
/// arrival rate (open model), measured after a warm-up, judged by k6-style thresholds such as
/// <c>p(99) &lt; 100ms</c> or <c>rate(failed) &lt; 1%</c>, or relative to the reference solution
/// measured on the same machine (<c>p(99) &lt; 3 x baseline + 20ms</c>).
/// </summary>
public sealed record LoadProfile(
    string Method,
    string Path,
    int Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Connections,
    IReadOnlyList<string> Thresholds)
{
    /// <summary>Which reference solution relative thresholds are measured against; null when every threshold is absolute.</summary>
    public BaselineSpec? Baseline { get; init; }

    /// <summary>The most upstream calls per request the load may cause (<c>load.upstream-efficiency</c>); null when not judged.</summary>
    public Comparison? UpstreamCallsPerRequest { get; init; }

    /// <summary>The paths the load cycles through: one, or n when the path rotates with <c>{{i % n}}</c>.</summary>
    public IReadOnlyList<string> Paths => PathRotation.Expand(Path);
}
