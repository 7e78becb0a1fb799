namespace Assessments.Load.SelfCheck;

/// <summary>How far the generator may stray from its own schedule before its run is declared invalid.</summary>
public sealed record SelfCheckLimits
{
    /// <summary>99th percentile of the time between an intended start and the iteration starting to run.</summary>
    public TimeSpan MaxDispatchLagP99 { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How far below the scheduled rate the started rate may fall (0.01 is 1%).</summary>
    public double MaxRateShortfall { get; init; } = 0.01;
}
