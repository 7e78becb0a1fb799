using Assessments.Load.Dispatch;
using Assessments.Load.Measurement;
using Assessments.Load.Model;
using Assessments.Load.Output;
using Assessments.Load.Scheduling;
using Assessments.Load.SelfCheck;
using Assessments.Load.Thresholds;

namespace Assessments.Load;

/// <summary>
/// Runs a load plan against a service and returns what it measured. The run stops by itself: at
/// the end of its schedule plus the drain timeout, when an abortOnFail threshold fails, or when
/// the caller cancels.
/// </summary>
public static class LoadRunner
{
    // Gives the dispatcher thread time to start before the first intended send.
    private static readonly TimeSpan StartLead = TimeSpan.FromMilliseconds(50);

    public static async Task<LoadResult> RunAsync(LoadPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var schedules = Validate(plan);
        using var transport = new HttpTransport(plan.Connections, plan.RequestTimeout, plan.UseWireClient);

        if (plan.PreOpenConnections)
        {
            await ConnectionWarmer.WarmAsync(transport, plan.Scenarios[0].Steps[0].Request, cancellationToken);
        }

        foreach (var scenario in plan.Scenarios.Where(s => s.Init is not null))
        {
            await scenario.Init!(new ScenarioContext(scenario.Name, transport.Client), cancellationToken);
        }

        var startedAt = DateTimeOffset.UtcNow + StartLead;
        var recorder = new RunRecorder(Clock.Now + Clock.Ticks(StartLead), plan.Warmup);
        var planned = schedules.All(s => s.PlannedDuration is not null) ? schedules.Max(s => s.PlannedDuration!.Value) : (TimeSpan?)null;
        if (planned is { } known)
        {
            recorder.MeasuredToTimestamp = recorder.StartTimestamp + Clock.Ticks(known);
        }

        var steps = new List<StepRecorder>();
        var drivers = new List<ScenarioDriver>();
        for (var i = 0; i < plan.Scenarios.Count; i++)
        {
            var scenario = plan.Scenarios[i];
            var scenarioSteps = scenario.Steps.Select(s => new StepRecorder(scenario.Name, s.Name)).ToList();
            steps.AddRange(scenarioSteps);
            var runner = new IterationRunner(scenario, scenarioSteps, transport, recorder, plan);
            drivers.Add(new ScenarioDriver(scenario, schedules[i], runner, recorder));
        }

        using var run = new RunControl(plan, steps, recorder, cancellationToken);
        using var log = plan.HistogramLogPath is { } path ? new HistogramLog(path) : null;
        var sampler = new TimelineSampler(recorder, startedAt, log);
        using var samplerStop = new CancellationTokenSource();
        var sampling = sampler.RunAsync(TimeSpan.FromSeconds(1), run.CheckAbortThresholds, samplerStop.Token);
        if (transport.Wire is { } wire)
        {
            wire.ProbeObserved = recorder.PoolDelayObserved;
        }

        var poolServesSteps = plan.Scenarios.SelectMany(s => s.Steps).Any(s => !transport.SendsOverWire(s.Request));
        var probing = new ThreadPoolProbe(recorder, transport.Wire, poolServesSteps).RunAsync(samplerStop.Token);

        var cpu = CpuMeter.Start();
        await Task.WhenAll(drivers.Select(d => d.RunAsync(recorder.StartTimestamp, run.Schedule)));
        var scheduleEnded = Clock.Now;
        var cpuUtilisation = cpu.Utilisation();
        await run.DrainAsync();

        // Whatever is still in flight after the drain is abandoned, so nothing records into a finished result.
        await run.StopAsync();
        await samplerStop.CancelAsync();
        await sampling;
        await probing;
        recorder.Close();
        sampler.TakePoint();

        if (run.AbortedAt is { } abortedAt)
        {
            recorder.MeasuredToTimestamp = Math.Max(recorder.MeasuredFromTimestamp, Math.Min(abortedAt, recorder.MeasuredToTimestamp));
        }
        else if (planned is null)
        {
            recorder.MeasuredToTimestamp = scheduleEnded;
        }

        foreach (var scenario in plan.Scenarios.Where(s => s.Clean is not null))
        {
            await scenario.Clean!(new ScenarioContext(scenario.Name, transport.Client), cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return LoadResultBuilder.Build(
            plan,
            Model(schedules),
            startedAt,
            recorder,
            steps,
            sampler.Points,
            new GeneratorCounts(transport.Connections, transport.ConnectionsOpened, cpuUtilisation),
            run.AbortReason,
            run.AbortingThresholds);
    }

    private static List<LoadSchedule> Validate(LoadPlan plan)
    {
        if (plan.Scenarios.Count == 0)
        {
            throw new ArgumentException("A load plan needs at least one scenario.", nameof(plan));
        }

        var schedules = new List<LoadSchedule>();
        foreach (var scenario in plan.Scenarios)
        {
            if (scenario.Steps.Count == 0)
            {
                throw new ArgumentException($"Scenario '{scenario.Name}' has no steps.", nameof(plan));
            }

            foreach (var step in scenario.Steps)
            {
                TargetGuard.EnsureAllowed(step.Request.Uri, plan.AllowedHosts.ToList());
            }

            schedules.Add(LoadSchedule.Compile(scenario.Simulations));
        }

        return schedules;
    }

    private static string Model(IReadOnlyList<LoadSchedule> schedules)
    {
        var open = schedules.Any(s => s.HasOpenModel);
        var closed = schedules.Any(s => s.HasClosedModel);
        return open && closed ? "mixed" : closed ? "closed" : "open";
    }

    /// <summary>The run's two stop signals: one ends the schedule (abort, caller), the other in-flight requests (drain expiry).</summary>
    private sealed class RunControl(LoadPlan plan, IReadOnlyList<StepRecorder> steps, RunRecorder recorder, CancellationToken caller)
        : IDisposable
    {
        private readonly CancellationTokenSource _schedule = CancellationTokenSource.CreateLinkedTokenSource(caller);
        private readonly List<string> _aborting = [];

        public CancellationToken Schedule => _schedule.Token;

        public long? AbortedAt { get; private set; }

        public string? AbortReason { get; private set; }

        public IReadOnlyList<string> AbortingThresholds => _aborting;

        public void CheckAbortThresholds()
        {
            if (AbortedAt is not null)
            {
                return;
            }

            var now = Clock.Now;
            var measured = Clock.Elapsed(recorder.MeasuredFromTimestamp, now);
            foreach (var spec in plan.Thresholds.Where(t => t.AbortOnFail && measured >= t.StartCheckAfter && measured > TimeSpan.Zero))
            {
                var verdict = ThresholdEvaluator.Evaluate(spec, step => MetricsView.For(steps, step, measured));
                if (!verdict.Passed && verdict.Actual is not null)
                {
                    _aborting.Add(spec.Expression);
                }
            }

            if (_aborting.Count > 0)
            {
                AbortedAt = now;
                AbortReason = $"threshold failed with abortOnFail: {string.Join(", ", _aborting)}";
                _schedule.Cancel();
            }
        }

        public Task StopAsync() => _schedule.CancelAsync();

        public void Dispose() => _schedule.Dispose();

        public async Task DrainAsync()
        {
            var deadline = Clock.Now + Clock.Ticks(plan.DrainTimeout);
            while (recorder.InFlight > 0 && Clock.Now < deadline && !caller.IsCancellationRequested)
            {
                await Task.Delay(5, CancellationToken.None);
            }
        }
    }
}
