using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>One reference solution of a calibration run, in whatever state its grading is.</summary>
/// <param name="State">The grading job's state: queued, running, finished or failed (the platform gave up).</param>
/// <param name="LastError">Why the platform gave up (or why the last attempt failed), when it did.</param>
public sealed record CalibrationReference(
    Guid SubmissionId,
    Guid JobId,
    string Reference,
    string ExpectedLevel,
    string State,
    int Attempt,
    int MaxAttempts,
    string? LastError,
    string? ReportStatus,
    string? Level,
    int? Score,
    DateTimeOffset StartedAt);

/// <summary>The latest calibration run of a challenge with every reference in it, graded or not, so none disappears from the dashboard.</summary>
public sealed record CalibrationRunView(Guid RunId, DateTimeOffset StartedAt, IReadOnlyList<CalibrationReference> References)
{
    public int Graded => References.Count(r => r.State == SubmissionStates.Finished);

    public int GivenUp => References.Count(r => r.State == SubmissionStates.Failed);

    public bool Finished => References.All(r => r.State is SubmissionStates.Finished or SubmissionStates.Failed);

    /// <summary>The state as the dashboard words it.</summary>
    public static string Word(CalibrationReference r) => r.State switch
    {
        SubmissionStates.Queued when r.Attempt > 0 => $"queued again (attempt {r.Attempt + 1} of {r.MaxAttempts})",
        SubmissionStates.Queued => "queued",
        SubmissionStates.Running => "grading",
        SubmissionStates.Finished => "graded",
        _ => "given up",
    };

}
