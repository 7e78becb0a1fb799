using System.Text.Json;
using Assessments.Domain.Challenges;
using Assessments.Domain.Performance;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Load.Output;
using Assessments.Load.Thresholds;
using Assessments.Runner.Grading.Baselines;
using Assessments.Runner.Hosts;

namespace Assessments.Runner.Grading;

/// <summary>
/// Puts the challenge's load profile on the service (open model, constant arrival rate, latency from
/// the intended send time) and judges it by the profile's thresholds; thresholds relative to the
/// reference solution are first rewritten from its figures on this machine. A run the host disturbed
/// (the generator fell behind, or other work took the service's CPUs) is judged only where no verdict
/// could have been flipped by it (<see cref="LoadMeasurement"/>); otherwise it is a platform fault,
/// never the candidate's: it ends the grading as <c>infrastructure_error</c> to be retried.
/// </summary>
public sealed class LoadStage(BaselineStore? baselines = null) : IGradingStage
{
    private readonly BaselineStore _baselines = baselines ?? BaselineStore.Default;

    public string Phase => "load";

    public bool Measures => true;

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        if (service.Challenge.Load is not { } profile)
        {
            return [];
        }

        var thresholds = await ThresholdsAsync(service, profile, cancellationToken);
        service.Progress?.Report(new GradingProgress(Phase, $"{profile.Rate} req/s of {profile.Method} {profile.Path} for {profile.Duration.TotalSeconds:0} s after {profile.Warmup.TotalSeconds:0} s warm-up"));
        var upstream = service.Host?.Upstream;
        var before = profile.UpstreamCallsPerRequest is null || upstream is null ? null : await upstream.ReadAsync(cancellationToken);
        var (result, allowance, _, cpu) = await LoadMeasurement.RunJudgedAsync(
            profile, service.BaseAddress, service.Http.Timeout, thresholds.Absolute, ServiceCpuMeter.For(service.Host), m => service.Progress?.Report(new GradingProgress(Phase, m)), judgeDespiteDelay: true, cancellationToken);

        service.Artifacts.Load = new LoadSection(true, null, JsonSerializer.SerializeToElement(result, LoadResultJson.Options)) { Baseline = thresholds.Section, DelayAllowance = allowance };
        var outcome = Outcome(profile.Rate, result, thresholds);
        if (cpu is not null)
        {
            outcome = outcome with { Evidence = [.. outcome.Evidence, Evidence.Measurement($"share of the service's CPU {cpu.Cpus} that other work on the host took during the run (over {ServiceCpuShare.OthersLimit * 100:0}%, a failed verdict is measured again)", Math.Round(cpu.Others * 100, 1), "%")] };
        }
        if (allowance is not null)
        {
            outcome = outcome with { Evidence = [.. outcome.Evidence, .. DelayNotes(allowance)] };
        }

        var outcomes = new List<CheckOutcome> { outcome };
        if (profile.UpstreamCallsPerRequest is { } limit)
        {
            outcomes.Add(await UpstreamEfficiency.JudgeAsync(profile, limit, upstream, before, cancellationToken));
        }

        return outcomes;
    }

    private async Task<JudgedThresholds> ThresholdsAsync(ServiceUnderTest service, LoadProfile profile, CancellationToken cancellationToken)
    {
        var relative = profile.Thresholds.Where(RelativeThreshold.IsRelative).Select(RelativeThreshold.Parse).ToList();
        var absolute = profile.Thresholds.Where(t => !RelativeThreshold.IsRelative(t)).ToList();
        if (relative.Count == 0 || profile.Baseline is not { } spec)
        {
            return new JudgedThresholds(absolute, [], null);
        }

        var lookup = service.Host is { } host
            ? await new ReferenceBaseline(host, _baselines).GetAsync(service, profile, spec, cancellationToken)
            : BaselineLookup.Failed("the runner gave the load stage no Docker access to measure the reference with");
        if (lookup.Figures is not { } figures)
        {
            // Fail closed: a threshold that could not be derived is not silently dropped.
            var section = new BaselineSection(spec.Reference.ToName(), null, null, false, lookup.Problem, []);
            return new JudgedThresholds(absolute, relative.Select(r => $"{r.Text} (not judged: {lookup.Problem})").ToList(), section);
        }

        var derived = relative.Select(r => r.Derive(figures)).ToList();
        var age = Math.Round((DateTimeOffset.UtcNow - figures.MeasuredAt).TotalHours, 2);
        return new JudgedThresholds(
            [.. absolute, .. derived.Select(d => d.Absolute)],
            [],
            new BaselineSection(spec.Reference.ToName(), figures, age, lookup.MeasuredNow, null, derived));
    }

    private static CheckOutcome Outcome(int rate, LoadResult result, JudgedThresholds thresholds)
    {
        var failed = result.Thresholds.Where(t => !t.Passed).Select(t => Describe(t, thresholds.Section)).Concat(thresholds.Unjudged).ToList();
        var summary = failed.Count == 0
            ? $"every threshold held at {rate} req/s"
            : $"{failed.Count} threshold(s) failed at {rate} req/s: {string.Join("; ", failed)}";
        var errors = result.ErrorKinds.Count == 0 ? "none" : string.Join(", ", result.ErrorKinds.Select(e => $"{e.Key} {e.Value}"));
        var evidence = new List<Evidence>
        {
            Evidence.Measurement($"p50 latency from the intended send time ({result.Requests} requests)", Math.Round(result.Latency.P50, 2), "ms"),
            Evidence.Measurement("p99 latency from the intended send time", Math.Round(result.Latency.P99, 2), "ms"),
            Evidence.Measurement("max latency", Math.Round(result.Latency.Max, 2), "ms"),
            Evidence.Measurement($"throughput achieved (errors: {errors})", Math.Round(result.Rps, 1), "req/s"),
        };
        if (thresholds.Section is { Figures: { } figures } section)
        {
            evidence.Add(Evidence.Measurement(
                $"the {section.Reference} reference's p99 on this machine ({(section.MeasuredNow ? "measured in this grading" : $"measured {section.AgeHours:0.#} h ago")})",
                Math.Round(figures.P99, 2),
                "ms"));
        }

        evidence.AddRange(result.Thresholds.Select(t => Evidence.Note($"{(t.Passed ? "held" : "FAILED")}: {Describe(t, thresholds.Section)}") with { Passed = t.Passed }));
        evidence.AddRange(thresholds.Unjudged.Select(t => Evidence.Note($"FAILED: {t}") with { Passed = false }));
        return new CheckOutcome(BuiltInChecks.LoadThresholds, failed.Count == 0, summary, evidence, "Latency and errors stay within the thresholds under load", Visibility.Visible);
    }

    /// <summary>Why a disturbed run was judged anyway: each verdict's margin against the disturbance.</summary>
    private static IEnumerable<Evidence> DelayNotes(DelayAllowance allowance) =>
        allowance.Margins.Select(m => Evidence.Note($"judged despite the disturbance (the generator's worst delay {allowance.DelayMs:0.###} ms): {m.Expression} {m.Explanation}"))
            .Prepend(Evidence.Note($"the run was disturbed ({allowance.Reason}); no verdict could have been flipped by it, so the run was judged"));

    private static string Describe(ThresholdResult t, BaselineSection? section)
    {
        var derived = section?.Thresholds.FirstOrDefault(d => d.Absolute == t.Expression);
        var expression = derived is null ? t.Expression : $"{t.Expression} [{derived.Written}: {derived.Derivation}]";
        return t.Actual is { } actual
            ? $"{expression} (measured {Assessments.Load.Output.ThresholdFigures.Format(actual, t.Unit)})"
            : $"{expression} (nothing measured{(t.Detail is null ? string.Empty : ": " + t.Detail)})";
    }

    /// <param name="Absolute">What the load engine judges.</param>
    /// <param name="Unjudged">Relative thresholds that could not be derived; each counts as failed.</param>
    private sealed record JudgedThresholds(IReadOnlyList<string> Absolute, IReadOnlyList<string> Unjudged, BaselineSection? Section);
}
