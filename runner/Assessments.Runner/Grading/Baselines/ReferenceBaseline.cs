using Assessments.Domain.Challenges;
using Assessments.Domain.Performance;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Load.Output;
using Assessments.Runner.Docker;
using Assessments.Runner.Hosts;
using Assessments.Submissions;

namespace Assessments.Runner.Grading.Baselines;

/// <summary>
/// The reference solution's figures under the challenge's load profile on this machine: from the store
/// when young enough, otherwise measured now by grading the reference (same sandbox, same profile)
/// with nothing but the load on it.
/// </summary>
internal sealed class ReferenceBaseline(GradingHost host, BaselineStore store)
{
    public async Task<BaselineLookup> GetAsync(ServiceUnderTest service, LoadProfile profile, BaselineSpec spec, CancellationToken cancellationToken)
    {
        var lookup = await GetAsync(service.Challenge, service.Seed, service.Progress, profile, spec, cancellationToken);
        service.Artifacts.BaselineMs = lookup.MeasuredMs;
        return lookup;
    }

    /// <param name="progress">Told what the reference's grading does, as part of the load phase.</param>
    public async Task<BaselineLookup> GetAsync(
        Challenge challenge, int seed, IProgress<GradingProgress>? progress, LoadProfile profile, BaselineSpec spec, CancellationToken cancellationToken)
    {
        var level = spec.Reference.ToName();
        if (challenge.References.FirstOrDefault(r => r.IsPrimary && r.ExpectedLevel == spec.Reference) is not { } reference)
        {
            return BaselineLookup.Failed($"the challenge has no {level} reference to measure");
        }

        string sha;
        using (var staged = SubmissionIntake.Stage(reference.Directory, host.Intake))
        {
            sha = staged.ComputeSha256();
        }

        var sandbox = host.Sandbox.With(challenge.Sandbox);
        var key = BaselineKey.For(challenge, profile, sha, host.Slot is { } slot ? sandbox.On(slot) : sandbox);
        if (store.Find(key, spec.MaxAge, DateTimeOffset.UtcNow) is { } stored)
        {
            return new BaselineLookup(stored, false, null);
        }

        var capture = new BaselineCapture();
        var inner = new SynchronousProgress<GradingProgress>(p => progress?.Report(new GradingProgress("load", $"measuring the {level} reference: {p.Message}")));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await new Grader(host.Docker, host.Sandbox, host.Intake, GradingPipeline.Of(capture))
            .GradeAsync(new GradingRequest(challenge, reference.Directory, seed) { Slot = host.Slot }, inner, cancellationToken);
        var measuredMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        if (report.Status == ReportStatus.InfrastructureError)
        {
            throw new InfrastructureException($"measuring the {level} reference hit a platform fault: {report.Failure?.Message}");
        }

        if (capture.Result is not { } result)
        {
            return BaselineLookup.Failed($"the {level} reference could not be measured: {report.Status.ToName()} ({report.Failure?.Message ?? "no load result"})");
        }

        var figures = new BaselineFigures(
            result.Latency.P50, result.Latency.P90, result.Latency.P99, result.Latency.Max, result.Rps, result.Requests, result.Errors, DateTimeOffset.UtcNow);
        store.Save(key, figures);
        return new BaselineLookup(figures, true, null) { MeasuredMs = measuredMs };
    }

    /// <summary>The only stage of the reference's grading: the load, with no thresholds to judge.</summary>
    private sealed class BaselineCapture : IGradingStage
    {
        public LoadResult? Result { get; private set; }

        public string Phase => "load";

        public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
        {
            Result = await LoadMeasurement.RunAsync(service.Challenge.Load!, service.BaseAddress, service.Http.Timeout, ServiceCpuMeter.For(service.Host), cancellationToken);
            return [];
        }
    }
}

/// <summary>The figures, whether this grading measured them, or why there are none.</summary>
public sealed record BaselineLookup(BaselineFigures? Figures, bool MeasuredNow, string? Problem)
{
    /// <summary>How long measuring took; null when the stored figures served.</summary>
    public double? MeasuredMs { get; init; }

    public static BaselineLookup Failed(string problem) => new(null, false, problem);
}
