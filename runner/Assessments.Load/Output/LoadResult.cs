using Assessments.Load.SelfCheck;
using Assessments.Load.Statistics;
using Assessments.Load.Thresholds;

namespace Assessments.Load.Output;

/// <summary>
/// The outcome of one load run, serialised as the versioned JSON described in the library's README.
/// Every latency is in milliseconds and, unless named service time, runs from the intended start.
/// </summary>
public sealed record LoadResult
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>False when the generator, not the service, limited the run; the reasons say how.</summary>
    public required bool Valid { get; init; }

    public string? InvalidReason { get; init; }

    public IReadOnlyList<string> InvalidReasons { get; init; } = [];

    /// <summary><c>open</c>, <c>closed</c> or <c>mixed</c>.</summary>
    public required string Model { get; init; }

    public required string Target { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Length of the measured window (after warm-up, until the schedule's end or the abort).</summary>
    public required double DurationSeconds { get; init; }

    public required double WarmupSeconds { get; init; }

    public required long Requests { get; init; }

    public required double Rps { get; init; }

    /// <summary>Failed requests, whatever the kind.</summary>
    public required long Errors { get; init; }

    public required IReadOnlyDictionary<string, long> ErrorKinds { get; init; }

    public required IReadOnlyDictionary<string, long> StatusCodes { get; init; }

    /// <summary>Response time from the intended start: the graded latency.</summary>
    public required LatencyStatistics Latency { get; init; }

    public required LatencyStatistics ServiceTime { get; init; }

    public required CheckStatistics Checks { get; init; }

    public required bool ThresholdsPassed { get; init; }

    public bool Aborted { get; init; }

    public string? AbortReason { get; init; }

    public required GeneratorReport Generator { get; init; }

    public required IReadOnlyList<StepStatistics> Steps { get; init; }

    public required IReadOnlyList<ThresholdResult> Thresholds { get; init; }

    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }
}
