namespace Assessments.Load.Output;

/// <summary>
/// One interval of the run (normally a second), by completion time, warm-up included and flagged.
/// Latencies are response times from the intended start, in milliseconds.
/// </summary>
public sealed record TimelinePoint(
    double Second,
    double IntervalSeconds,
    bool Warmup,
    long Requests,
    long Failed,
    double Rps,
    double P50,
    double P90,
    double P99,
    double Max,
    double DispatchLagP99,
    long InFlight);
