namespace Assessments.Domain.Challenges;

/// <summary>
/// The load a challenge puts on the service once it passed its checks: one request at a constant
/// arrival rate (open model), measured after a warm-up, judged by k6-style thresholds such as
/// <c>p(99) &lt; 100ms</c> or <c>rate(failed) &lt; 1%</c>.
/// </summary>
public sealed record LoadProfile(
    string Method,
    string Path,
    int Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Connections,
    IReadOnlyList<string> Thresholds);
