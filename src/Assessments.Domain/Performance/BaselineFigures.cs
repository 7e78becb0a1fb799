namespace Assessments.Domain.Performance;

/// <summary>
/// What the reference solution measured under the challenge's load profile on this machine: the
/// figures relative thresholds are scaled from. Latencies in milliseconds from the intended send time.
/// </summary>
public sealed record BaselineFigures(
    double P50,
    double P90,
    double P99,
    double Max,
    double Rps,
    long Requests,
    long Errors,
    DateTimeOffset MeasuredAt);
