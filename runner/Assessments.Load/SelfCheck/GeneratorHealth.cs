namespace Assessments.Load.SelfCheck;

/// <summary>
/// Decides whether a run measured the service or the generator. Pure. A run that fails here is
/// reported invalid with the reasons, never as the service's fault.
/// </summary>
public static class GeneratorHealth
{
    public static IReadOnlyList<string> Problems(GeneratorReport report, SelfCheckLimits limits)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        var lagLimit = limits.MaxDispatchLagP99.TotalMilliseconds;
        if (report.DispatchLag.Count > 0 && report.DispatchLag.P99 > lagLimit)
        {
            problems.Add(
                $"generator saturated: dispatch lag p99 {report.DispatchLag.P99:0.###} ms exceeds the {lagLimit:0.###} ms limit, so requests left later than scheduled");
        }

        var poolLimit = limits.MaxPoolDelayP99.TotalMilliseconds;
        if (report.PoolDelay.Count > 0 && report.PoolDelay.P99 > poolLimit)
        {
            problems.Add(
                $"generator saturated: its work waited {report.PoolDelay.P99:0.###} ms (p99) for a thread, over the {poolLimit:0.###} ms limit, which inflates every measured latency");
        }

        if (report.CpuUtilisation > limits.MaxCpuUtilisation)
        {
            problems.Add(
                $"generator saturated: the generator process used {report.CpuUtilisation:P0} of its CPUs (limit {limits.MaxCpuUtilisation:P0}), so responses waited for it");
        }

        if (report.Scheduled > 0)
        {
            // One arrival either side of the window edge is noise, not shortfall.
            var shortfall = report.Scheduled - report.Started - 1;
            if (shortfall > 0 && shortfall > limits.MaxRateShortfall * report.Scheduled)
            {
                problems.Add(
                    $"generator fell behind: started {report.Started} of {report.Scheduled} scheduled requests in the measured window " +
                    $"({(double)report.Started / report.Scheduled:P2} of the target rate)");
            }
        }

        return problems;
    }
}
