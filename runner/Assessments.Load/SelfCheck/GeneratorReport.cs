using Assessments.Load.Statistics;

namespace Assessments.Load.SelfCheck;

/// <summary>
/// How well the generator kept its own schedule in the measured window. Open model only: a closed
/// model has no schedule, so its rates are null and its lag empty.
/// </summary>
public sealed record GeneratorReport(
    string Model,
    double? TargetRate,
    double? AchievedRate,
    double? RateError,
    long Scheduled,
    long Started,
    LatencyStatistics DispatchLag,
    double DispatchLagLimitMs,
    LatencyStatistics PoolDelay,
    double PoolDelayLimitMs,
    double CpuUtilisation,
    int Connections,
    long ConnectionsOpened);
