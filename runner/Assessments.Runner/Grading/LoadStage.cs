using System.Text.Json;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Load;
using Assessments.Load.Model;
using Assessments.Load.Output;
using Assessments.Load.SelfCheck;
using Assessments.Load.Thresholds;
using Assessments.Runner.Docker;

namespace Assessments.Runner.Grading;

/// <summary>
/// Puts the challenge's load profile on the service (open model, constant arrival rate, latency from
/// the intended send time) and judges it by the profile's thresholds. A run the generator itself could
/// not keep to schedule is a platform fault, never the candidate's: it ends the grading as
/// <c>infrastructure_error</c> to be retried.
/// </summary>
public sealed class LoadStage : IGradingStage
{
    private const int Attempts = 2;

    public string Phase => "load";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        if (service.Challenge.Load is not { } profile)
        {
            return [];
        }

        service.Progress?.Report(new GradingProgress(Phase, $"{profile.Rate} req/s of {profile.Method} {profile.Path} for {profile.Duration.TotalSeconds:0} s after {profile.Warmup.TotalSeconds:0} s warm-up"));
        var target = new Uri(service.BaseAddress, profile.Path);
        var interval = TimeSpan.FromSeconds(1);
        var step = new Step("request", new HttpRequestTemplate(new HttpMethod(profile.Method), target));
        var plan = new LoadPlan([new Load.Model.Scenario("load", [step], [Simulation.Inject(profile.Rate, interval, profile.Warmup + profile.Duration)])])
        {
            Warmup = profile.Warmup,
            Connections = profile.Connections,
            RequestTimeout = service.Http.Timeout,
            Thresholds = profile.Thresholds.Select(ThresholdSpec.Parse).ToList(),
            AllowedHosts = [service.BaseAddress.Host],

            // Latency counts from the intended send time, so generator lag would be charged to the
            // service: a few milliseconds is tolerated against thresholds of tens of milliseconds.
            SelfCheck = new SelfCheckLimits { MaxDispatchLagP99 = TimeSpan.FromMilliseconds(5) },
        };

        EnsurePoolThreads(profile.Connections);
        var result = await LoadRunner.RunAsync(plan, cancellationToken);
        for (var attempt = 2; !result.Valid && attempt <= Attempts; attempt++)
        {
            // The generator, not the service, fell behind: measure again before calling it a platform fault.
            service.Progress?.Report(new GradingProgress(Phase, $"the generator fell behind ({result.InvalidReason}); measuring again"));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            result = await LoadRunner.RunAsync(plan, cancellationToken);
        }

        if (!result.Valid)
        {
            throw new InfrastructureException($"the load generator could not keep its schedule ({result.InvalidReason}); the run is not judged");
        }

        service.Artifacts.Load = new LoadSection(true, null, JsonSerializer.SerializeToElement(result, LoadResultJson.Options));
        return [Outcome(profile.Rate, result)];
    }

    private static CheckOutcome Outcome(int rate, LoadResult result)
    {
        var failed = result.Thresholds.Where(t => !t.Passed).ToList();
        var summary = failed.Count == 0
            ? $"every threshold held at {rate} req/s"
            : $"{failed.Count} threshold(s) failed at {rate} req/s: {string.Join("; ", failed.Select(Describe))}";
        var errors = result.ErrorKinds.Count == 0 ? "none" : string.Join(", ", result.ErrorKinds.Select(e => $"{e.Key} {e.Value}"));
        Evidence[] evidence =
        [
            Evidence.Measurement($"p50 latency from the intended send time ({result.Requests} requests)", Math.Round(result.Latency.P50, 2), "ms"),
            Evidence.Measurement("p99 latency from the intended send time", Math.Round(result.Latency.P99, 2), "ms"),
            Evidence.Measurement("max latency", Math.Round(result.Latency.Max, 2), "ms"),
            Evidence.Measurement($"throughput achieved (errors: {errors})", Math.Round(result.Rps, 1), "req/s"),
            .. result.Thresholds.Select(t => Evidence.Note($"{(t.Passed ? "held" : "FAILED")}: {Describe(t)}")),
        ];
        return new CheckOutcome(BuiltInChecks.LoadThresholds, failed.Count == 0, summary, evidence, "Latency and errors stay within the thresholds under load", Visibility.Visible);
    }

    private static string Describe(ThresholdResult t) =>
        t.Actual is { } actual ? $"{t.Expression} (measured {actual:0.##} {t.Unit})" : $"{t.Expression} (nothing measured{(t.Detail is null ? string.Empty : ": " + t.Detail)})";

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
