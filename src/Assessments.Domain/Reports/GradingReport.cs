using System.Text.Json.Serialization;
using Assessments.Domain.Scoring;

namespace Assessments.Domain.Reports;

/// <summary>
/// The graded report, the contract other people script against (report.json). Documented by
/// <c>src/Assessments.Reporting/Schema/report.schema.json</c>; bump <see cref="CurrentSchemaVersion"/>
/// on any change that is not purely additive.
/// </summary>
public sealed record GradingReport
{
    public const string CurrentSchemaVersion = "1.0";

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
}

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

public sealed record Timings(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, double TotalMs, IReadOnlyDictionary<string, double> PhasesMs);

/// <summary>Where and under which limits the grading ran, so a grade can be reproduced and explained.</summary>
public sealed record GradingEnvironment(
    string RunnerVersion,
    string DockerVersion,
    string Os,
    int ProcessorCount,
    IReadOnlyDictionary<string, string> Limits);

public sealed record Failure(string Phase, string Kind, string Message, long? ExitCode, IReadOnlyList<string> LogTail);
