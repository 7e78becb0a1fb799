namespace Assessments.Insight;

/// <summary>
/// Caps that keep a hostile submission (thousands of files, a huge generated file, code built to be
/// slow to bind) from stalling a grading: past a cap the analysis says so and goes on with what it has.
/// </summary>
public sealed record InsightLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes, TimeSpan TimeBudget)
{
    public static InsightLimits Default { get; } = new(MaxFiles: 400, MaxFileBytes: 256 * 1024, MaxTotalBytes: 4 * 1024 * 1024, TimeBudget: TimeSpan.FromSeconds(2.5));
}
