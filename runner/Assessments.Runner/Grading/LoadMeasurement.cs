using Assessments.Domain.Challenges;
using Assessments.Load;
using Assessments.Load.Model;
using Assessments.Load.Output;
using Assessments.Load.SelfCheck;
using Assessments.Load.Thresholds;
using Assessments.Domain.Reports;
using Assessments.Runner.Docker;
using Assessments.Runner.Hosts;
using Assessments.Domain.Thresholds;

namespace Assessments.Runner.Grading;

/// <summary>
/// Runs a challenge's load profile against one service with the load engine: the same way for the
/// candidate and for the reference it is compared with. A run the generator could not keep to
/// schedule, or in which other work took the service's own CPUs (<see cref="ServiceCpuMeter"/>), is
/// still judged when no verdict could flip by it: the generator's measured delay cannot explain a
/// verdict either way (<see cref="DelayRobustness"/>), and work on the service's CPUs can only have
/// slowed it, so a pass stands and a failure does not. Otherwise it is measured once more, then ends
/// as a platform fault (never charged to the service). A baseline's figures are used as numbers,
/// not verdicts, so a disturbed baseline run is never accepted.
/// </summary>
internal static class LoadMeasurement
{
    private const int Attempts = 2;

    public static async Task<LoadResult> RunAsync(
        LoadProfile profile, Uri service, TimeSpan requestTimeout, ServiceCpuMeter? meter, CancellationToken cancellationToken) =>
        (await RunJudgedAsync(profile, service, requestTimeout, [], meter, null, judgeDespiteDelay: false, cancellationToken)).Result;

    /// <param name="meter">Measures other work on the service's CPUs during each run; null where it cannot.</param>
    /// <param name="judgeDespiteDelay">Accept a disturbed run when every verdict is certain despite the disturbance.</param>
    public static async Task<JudgedRun> RunJudgedAsync(
        LoadProfile profile, Uri service, TimeSpan requestTimeout, IReadOnlyList<string> thresholds, ServiceCpuMeter? meter, Action<string>? progress, bool judgeDespiteDelay, CancellationToken cancellationToken)
    {
        var uris = profile.Paths.Select(p => new Uri(service, p)).ToList();
        var request = new HttpRequestTemplate(new HttpMethod(profile.Method), uris[0]) { Rotation = uris.Count > 1 ? uris : [] };
        var step = new Step("request", request);
        var plan = new LoadPlan([new Load.Model.Scenario("load", [step], [Simulation.Inject(profile.Rate, TimeSpan.FromSeconds(1), profile.Warmup + profile.Duration)])])
        {
            Warmup = profile.Warmup,
            Connections = profile.Connections,
            RequestTimeout = requestTimeout,
            Thresholds = thresholds.Select(ThresholdSpec.Parse).ToList(),
            AllowedHosts = [service.Host],

            // Latency counts from the intended send time, so generator lag would be charged to the
            // service: a few milliseconds is tolerated against thresholds of tens of milliseconds.
            SelfCheck = new SelfCheckLimits { MaxDispatchLagP99 = TimeSpan.FromMilliseconds(5) },
        };

        EnsurePoolThreads(profile.Connections);
        for (var attempt = 1; ; attempt++)
        {
            var window = meter?.Open();
            var result = await LoadRunner.RunAsync(plan, cancellationToken);
            var cpu = window?.Close();
            var disturbed = cpu is { Disturbed: true };
            if (result.Valid && !disturbed)
            {
                return new JudgedRun(result, null, attempt, cpu);
            }

            var why = string.Join("; ", new[] { result.Valid ? null : result.InvalidReason ?? "generator lag", disturbed ? cpu!.Describe() : null }.OfType<string>());
            var margins = judgeDespiteDelay && plan.Thresholds.Count > 0 ? Margins(result, cpu) : [];
            if (margins.Count > 0 && margins.All(m => m.Certain))
            {
                return new JudgedRun(result, new DelayAllowance(DelayRobustness.WorstDelayMs(result), why, margins), attempt, cpu);
            }

            if (attempt >= Attempts)
            {
                var flipping = margins.Where(m => !m.Certain).Select(m => $"{m.Expression}: {m.Explanation}").ToList();
                throw new InfrastructureException(
                    $"the load run was disturbed ({why}); it is not judged" +
                    (flipping.Count > 0 ? $", as {string.Join("; ", flipping)}" : string.Empty));
            }

            // The host, not the service, got in the way, and a verdict depends on it: measure again before calling it a platform fault.
            progress?.Invoke($"the run was disturbed ({why}); measuring again");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>Each verdict's margin against the generator's delay, then against other work on the service's CPUs.</summary>
    private static List<ThresholdMargin> Margins(LoadResult result, ServiceCpuShare? cpu) =>
        DelayRobustness.Judge(result).Select(m => cpu?.Reconsider(m) ?? m).ToList();

    /// <summary>
    /// Responses are read on pool threads; a pool that has to grow while the clock runs delays them and
    /// invalidates the run (the runner's process may have blocked threads of its own). Grow it first.
    /// </summary>
    private static void EnsurePoolThreads(int connections)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        var wanted = Math.Max(workers, Math.Min(connections, 64) + Environment.ProcessorCount);
        if (wanted > workers)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }
}

/// <summary>A load run as judged: the result, the allowance made for a disturbed run (null when it was not), how many runs it took, the service's CPU shares (null when unmeasured).</summary>
internal sealed record JudgedRun(LoadResult Result, DelayAllowance? Allowance, int Runs, ServiceCpuShare? Cpu);
