namespace Assessments.Insight;

/// <summary>
/// Caps that keep a hostile submission (thousands of files, a huge generated file, code built to be
/// slow to bind) from stalling a grading: past a cap the analysis says so and goes on with what it has.
/// </summary>
public sealed record InsightLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes, TimeSpan TimeBudget)
{
    /// <summary>For an analysis someone waits for (<c>assess similarity</c>, the benchmark): 2.5 s.</summary>
    public static InsightLimits Default { get; } = new(MaxFiles: 400, MaxFileBytes: 256 * 1024, MaxTotalBytes: 4 * 1024 * 1024, TimeBudget: TimeSpan.FromSeconds(2.5));

    /// <summary>
    /// For an analysis beside a grading: it starts at intake, runs while the image builds and is awaited
    /// before the service starts, so a longer budget rarely costs the grading anything. It lets a cold
    /// process finish the semantic bind (about 9 s the first time) instead of falling back to syntax, so
    /// a submission gets the same findings from a fresh CLI as from a warm worker.
    /// </summary>
    public static InsightLimits Grading { get; } = Default with { TimeBudget = TimeSpan.FromSeconds(20) };
}
