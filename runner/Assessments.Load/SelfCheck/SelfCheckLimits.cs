namespace Assessments.Load.SelfCheck;

/// <summary>How far the generator may stray from its own schedule before its run is declared invalid.</summary>
public sealed record SelfCheckLimits
{
    /// <summary>99th percentile of the time between an intended start and the iteration starting to run.</summary>
    public TimeSpan MaxDispatchLagP99 { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// 99th percentile of how long the generator's work waits for a pool thread; this wait is added to
    /// every measured response time. Looser than the dispatch limit: a few milliseconds at the tail is
    /// normal scheduling on a small machine, hundreds mean the generator is out of CPU.
    /// </summary>
    public TimeSpan MaxPoolDelayP99 { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Share of the CPUs this process may use that the generator process used during the schedule.
    /// Near 1 the generator is the bottleneck, whatever the other checks say: every thread, including
    /// the ones reading responses, is waiting for a CPU.
    /// </summary>
    public double MaxCpuUtilisation { get; init; } = 0.95;

    /// <summary>How far below the scheduled rate the started rate may fall (0.01 is 1%).</summary>
    public double MaxRateShortfall { get; init; } = 0.01;
}
