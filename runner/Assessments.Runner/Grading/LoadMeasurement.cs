using Assessments.Domain.Challenges;
using Assessments.Load;
using Assessments.Load.Model;
using Assessments.Load.Output;
using Assessments.Load.SelfCheck;
using Assessments.Load.Thresholds;
using Assessments.Runner.Docker;

namespace Assessments.Runner.Grading;

/// <summary>
/// Runs a challenge's load profile against one service with the load engine: the same way for the
/// candidate and for the reference it is compared with. A run the generator could not keep to
/// schedule is measured once more, then ends as a platform fault (never charged to the service).
/// </summary>
internal static class LoadMeasurement
{
    private const int Attempts = 2;

    public static async Task<LoadResult> RunAsync(
        LoadProfile profile, Uri service, TimeSpan requestTimeout, IReadOnlyList<string> thresholds, Action<string>? progress, CancellationToken cancellationToken)
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
        var result = await LoadRunner.RunAsync(plan, cancellationToken);
        for (var attempt = 2; !result.Valid && attempt <= Attempts; attempt++)
        {
            // The generator, not the service, fell behind: measure again before calling it a platform fault.
            progress?.Invoke($"the generator fell behind ({result.InvalidReason}); measuring again");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            result = await LoadRunner.RunAsync(plan, cancellationToken);
        }

        return result.Valid
            ? result
            : throw new InfrastructureException($"the load generator could not keep its schedule ({result.InvalidReason}); the run is not judged");
    }

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
