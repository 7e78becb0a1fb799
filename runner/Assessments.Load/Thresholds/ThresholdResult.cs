namespace Assessments.Load.Thresholds;

/// <summary>
/// The verdict on one threshold. <see cref="Actual"/> is null when there was nothing to measure, which
/// fails the threshold: a limit on no data proves nothing.
/// </summary>
public sealed record ThresholdResult(
    string Expression,
    string? Step,
    bool Passed,
    double? Actual,
    double Limit,
    string Unit,
    bool AbortOnFail,
    bool AbortedRun,
    string? Detail);
