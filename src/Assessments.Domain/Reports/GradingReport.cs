using System.Text.Json.Serialization;
using Assessments.Domain.Scoring;
using Assessments.Domain.Thresholds;

namespace Assessments.Domain.Reports;

/// <summary>
/// The graded report, the contract other people script against (report.json). Documented by
/// <c>src/Assessments.Reporting/Schema/report.schema.json</c>; bump <see cref="CurrentSchemaVersion"/>
/// on any change that is not purely additive.
/// </summary>
public sealed record GradingReport
{
    public const string CurrentSchemaVersion = "1.1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required ReportStatus Status { get; init; }

    [JsonConverter(typeof(LevelJsonConverter))]
    public required Level Level { get; init; }

    public required int Score { get; init; }

    public required ChallengeRef Challenge { get; init; }

    public required string RubricVersion { get; init; }

    public required SubmissionRef Submission { get; init; }

    public required IReadOnlyList<CriterionResult> Criteria { get; init; }

    /// <summary>Why the level is not higher, one line per gate that was missed.</summary>
    public IReadOnlyList<string> LevelReasons { get; init; } = [];

    public required ContractSection Contract { get; init; }

    public required LoadSection Load { get; init; }

    public required Timings Timings { get; init; }

    public required GradingEnvironment Environment { get; init; }

    /// <summary>Set when the submission could not be graded normally: what failed, where, and the diagnostics.</summary>
    public Failure? Failure { get; init; }

    /// <summary>Limits the submission ran into (process limit, memory), each with what shows it.</summary>
    public IReadOnlyList<Evidence> SandboxEvents { get; init; } = [];

    public IReadOnlyList<string> BuildLogTail { get; init; } = [];

    public IReadOnlyList<string> ServiceLogTail { get; init; } = [];

    /// <summary>Code insight: smells and metrics read from the source (C# submissions); null when no analyzer ran.</summary>
    public CodeInsight? Insight { get; init; }
}

public sealed record ChallengeRef(string Id, string Version, string Title);

public sealed record SubmissionRef(string Sha256, string Name, int Files, long Bytes);

/// <summary>The outcome of every contract check, in the order they ran.</summary>
public sealed record ContractSection(int Passed, int Failed, int Seed, IReadOnlyList<CheckReport> Checks);

public sealed record CheckReport(string Id, string Title, string Visibility, bool Passed, string Summary, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// Load results; <see cref="Ran"/> is false (with a reason) when the challenge declares no load profile
/// or grading stopped earlier. <see cref="Result"/> is the load engine's own versioned result JSON
/// (runner/Assessments.Load/README.md), kept whole so that it can be charted and compared later.
/// </summary>
public sealed record LoadSection(bool Ran, string? Reason, System.Text.Json.JsonElement? Result = null)
{
    /// <summary>The reference's figures relative thresholds were scaled from; null when every threshold is absolute.</summary>
    public BaselineSection? Baseline { get; init; }

    /// <summary>Set when the generator lagged but no verdict could flip by its delay, so the run was judged (schema 1.1).</summary>
    public DelayAllowance? DelayAllowance { get; init; }
}

/// <summary>
/// A load run judged although its generator lagged: the worst delay it added to a latency, what its
/// self-check said, and every threshold's margin against that delay.
/// </summary>
public sealed record DelayAllowance(double DelayMs, string Reason, IReadOnlyList<ThresholdMargin> Margins);

/// <summary>
/// The reference solution measured under the same load profile and sandbox on this machine, and how
/// each relative threshold became the absolute one judged. <see cref="Problem"/> says why there are no
/// figures (the reference failed); relative thresholds then fail closed.
/// </summary>
/// <param name="MeasuredNow">True when this grading measured it, false when a stored measurement was young enough.</param>
public sealed record BaselineSection(
    string Reference,
    Performance.BaselineFigures? Figures,
    double? AgeHours,
    bool MeasuredNow,
    string? Problem,
    IReadOnlyList<Performance.DerivedThreshold> Thresholds);

public sealed record Timings(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, double TotalMs, IReadOnlyDictionary<string, double> PhasesMs)
{
    /// <summary>Each authored scenario and its steps, in the order they ran (schema 1.1); empty when none ran.</summary>
    public IReadOnlyList<ScenarioTiming> Scenarios { get; init; } = [];

    /// <summary>Time the load phase spent measuring the reference solution for relative thresholds; null when a stored baseline was used.</summary>
    public double? BaselineMs { get; init; }

    /// <summary>Time spent waiting for a free grading slot on the runner host before the grading began.</summary>
    public double? SlotWaitMs { get; init; }
}

/// <summary>How long one scenario took, and each of its steps (a step that was never reached is absent).</summary>
public sealed record ScenarioTiming(string Id, string Title, double Ms, IReadOnlyList<StepTiming> Steps);

/// <param name="Step">1-based, as evidence names steps.</param>
/// <param name="Attempts">How many times an <c>eventually</c> step ran before it held or gave up.</param>
public sealed record StepTiming(int Step, string Kind, double Ms, bool Passed, int Attempts = 1);

/// <summary>Where and under which limits the grading ran, so a grade can be reproduced and explained.</summary>
public sealed record GradingEnvironment(
    string RunnerVersion,
    string DockerVersion,
    string Os,
    int ProcessorCount,
    IReadOnlyDictionary<string, string> Limits)
{
    /// <summary>The host's grading slot this grading held (schema 1.1): the CPUs its measurements owned.</summary>
    public SlotEnvironment? Slot { get; init; }

    /// <summary>True when the image of this very submission on the same base images was reused, false when built and cached; absent when the cache is off.</summary>
    public bool? ImageReused { get; init; }
}

/// <summary>One grading slot of the runner host: disjoint CPU sets for the service, the load generator and the upstream stub.</summary>
public sealed record SlotEnvironment(int Index, int Count, string ServiceCpus, string GeneratorCpus, string UpstreamCpus);

public sealed record Failure(string Phase, string Kind, string Message, long? ExitCode, IReadOnlyList<string> LogTail);
