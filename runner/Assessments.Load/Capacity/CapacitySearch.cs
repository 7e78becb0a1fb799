using Assessments.Load.Model;
using Assessments.Domain.Thresholds;

namespace Assessments.Load.Capacity;

/// <summary>
/// Finds the highest arrival rate at which the service still meets a latency target, by short
/// open-model runs chosen by a <see cref="CapacityStrategy"/>. Every probe is a full, self-checked run.
/// </summary>
public static class CapacitySearch
{
    /// <param name="planForRate">The plan to run at a given rate (the caller decides steps, warm-up and length).</param>
    /// <param name="target">What "meets the target" means, e.g. <c>p(99) &lt; 100ms</c> and <c>rate(failed) &lt; 1%</c>.</param>
    public static async Task<CapacityResult> RunAsync(
        Func<int, LoadPlan> planForRate,
        IReadOnlyList<ThresholdSpec> target,
        CapacityStrategy strategy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planForRate);
        ArgumentNullException.ThrowIfNull(strategy);
        var probes = new List<CapacityProbe>();

        // The strategy ends the search; the cap only guards against a strategy that never would.
        for (var round = 0; round < 64 && strategy.Next(probes) is { } rate; round++)
        {
            var plan = planForRate(rate) with { Thresholds = target };
            var result = await LoadRunner.RunAsync(plan, cancellationToken);
            var failedRate = result.Requests == 0 ? 1 : (double)result.Errors / result.Requests;
            probes.Add(new CapacityProbe(rate, result.ThresholdsPassed, result.Valid, result.Latency.P99, Math.Round(failedRate, 6), result.InvalidReason));
        }

        var highest = probes.Where(p => p.MetTarget && p.Valid).Select(p => (int?)p.Rate).Max();
        return new CapacityResult(highest, probes.Any(p => !p.Valid), probes);
    }
}
