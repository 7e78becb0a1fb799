using System.Reflection;
using System.Runtime.InteropServices;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Runner.Docker;
using Assessments.Runner.Sandbox;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;

namespace Assessments.Runner.Grading;

/// <summary>
/// Gathers what a grading learnt as it goes and writes the one report it ends with, whichever way it
/// ends: every status carries its diagnostics as evidence.
/// </summary>
internal sealed class ReportBuilder(GradingRequest request, PhaseClock clock, SandboxLimits sandbox)
{
    private static readonly string RunnerVersion =
        typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public PhaseClock Clock { get; } = clock;

    public string DockerVersion { get; set; } = "unknown";

    public SubmissionRef? Submission { get; set; }

    public string? ContainerId { get; set; }

    public IReadOnlyList<string> BuildLogTail { get; set; } = [];

    public IReadOnlyList<string> ServiceLogTail { get; set; } = [];

    public IReadOnlyList<Evidence> SandboxEvents { get; set; } = [];

    public GradingArtifacts Artifacts { get; } = new();

    /// <summary>The host's grading slot this grading held; null when it ran outside the slots.</summary>
    public SlotEnvironment? Slot { get; set; }

    public double? SlotWaitMs { get; set; }

    /// <summary>True when the image was reused from the cache, false when built and cached; null when the cache is off.</summary>
    public bool? ImageReused { get; set; }

    /// <summary>The checks judged so far, in order: all of them once graded, the ones before a fault otherwise.</summary>
    public List<CheckOutcome> Outcomes { get; } = [];

    public GradingReport Graded(ScoreCard card) => Build(ReportStatus.Graded, card, Checks(), failure: null);

    public GradingReport Rejected(SubmissionRejectedException e) =>
        Failed(ReportStatus.Rejected, new Failure(Phases.Intake, "rejected", e.Message, null, []));

    public GradingReport BuildFailed(BuildFailedException e)
    {
        BuildLogTail = e.LogTail;
        var lines = e.Errors.Count > 0 ? e.Errors : e.LogTail.TakeLast(10).ToList();
        return Failed(ReportStatus.BuildFailed, new Failure(Phases.Build, "build_failed", e.Message, null, lines));
    }

    public GradingReport StartFailed(StartFailedException e)
    {
        ServiceLogTail = e.LogTail;
        return Failed(ReportStatus.StartFailed, new Failure(Phases.Start, e.Kind, e.Message, e.ExitCode, e.LogTail.TakeLast(20).ToList()));
    }

    /// <summary>
    /// A platform fault is not scored, but the checks that ran before it stay in the report: they are
    /// what an operator needs to see whether the retry is worth it, and what the candidate did meanwhile.
    /// </summary>
    public GradingReport InfrastructureError(Exception e)
    {
        var message = e is InfrastructureException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        if (Clock.Current is { } phase)
        {
            message = $"in the {phase} phase: {message}";
        }

        if (Outcomes.Count > 0)
        {
            message += $" ({Outcomes.Count} check(s) ran before it; they are kept in the report as evidence, not scored)";
        }

        return Failed(ReportStatus.InfrastructureError, new Failure("platform", "infrastructure_error", message, null, []), Checks());
    }

    private List<CheckReport> Checks() => Outcomes
        .Select(o => new CheckReport(o.CheckId, o.Title ?? o.CheckId, o.Visibility.ToString().ToLowerInvariant(), o.Passed, o.Summary, o.Evidence))
        .ToList();

    private GradingReport Failed(ReportStatus status, Failure failure, IReadOnlyList<CheckReport>? checks = null)
    {
        var evidence = failure.LogTail.Count > 0
            ? Evidence.Log($"Not evaluated: {failure.Message}", failure.LogTail)
            : Evidence.Note($"Not evaluated: {failure.Message}");
        var card = Scorer.NotEvaluated(request.Challenge.Rubric, evidence);
        return Build(status, card, checks ?? [], failure);
    }

    private GradingReport Build(ReportStatus status, ScoreCard card, IReadOnlyList<CheckReport> checks, Failure? failure) => new()
    {
        Status = status,
        Level = card.Level,
        Score = card.Score,
        Challenge = new ChallengeRef(request.Challenge.Id, request.Challenge.Version, request.Challenge.Title),
        RubricVersion = request.Challenge.Rubric.Version,
        Submission = Submission ?? new SubmissionRef(string.Empty, Path.GetFileName(request.SubmissionPath), 0, 0),
        Criteria = card.Criteria,
        LevelReasons = card.LevelReasons,
        Contract = new ContractSection(checks.Count(c => c.Passed), checks.Count(c => !c.Passed), request.Seed, checks),
        Load = Artifacts.Load ?? new LoadSection(false, request.Challenge.Load is null ? "this challenge version declares no load profile" : "grading ended before the load stage"),
        Timings = new Timings(Clock.StartedAt, DateTimeOffset.UtcNow, Math.Round(Clock.TotalMs, 1), Clock.Phases.ToDictionary())
        {
            Scenarios = [.. Artifacts.Scenarios],
            BaselineMs = Artifacts.BaselineMs,
            SlotWaitMs = SlotWaitMs,
        },
        Environment = new GradingEnvironment(RunnerVersion, DockerVersion, RuntimeInformation.OSDescription, Environment.ProcessorCount, sandbox.Describe())
        {
            Slot = Slot,
            ImageReused = ImageReused,
        },
        Failure = failure,
        BuildLogTail = BuildLogTail,
        ServiceLogTail = ServiceLogTail,
        SandboxEvents = SandboxEvents,
    };
}
