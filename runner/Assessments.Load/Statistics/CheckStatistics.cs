namespace Assessments.Load.Statistics;

/// <summary>How many responses passed their step's check; <see cref="PassRate"/> is 1 when nothing was checked.</summary>
public sealed record CheckStatistics(long Passed, long Failed)
{
    public double PassRate => Passed + Failed == 0 ? 1 : Math.Round((double)Passed / (Passed + Failed), 6);
}
