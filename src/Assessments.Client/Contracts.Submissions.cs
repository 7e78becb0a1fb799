namespace Assessments.Client;

/// <summary>Where a submission's grading is: queued, running, finished (a report exists) or failed (the platform gave up; dead-lettered).</summary>
public static class SubmissionStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
}

/// <summary>A candidate's view of one of their submissions.</summary>
/// <param name="ReportStatus">The report's status once finished (graded, build_failed, start_failed, rejected).</param>
public sealed record SubmissionStatus(Guid Id, string ChallengeId, string State, string? ReportStatus, long ArchiveBytes, DateTimeOffset SubmittedAt, DateTimeOffset? FinishedAt);

/// <summary>The part of a report a candidate may see: the published checks in full, the hidden ones only counted.</summary>
public sealed record CandidateFeedback(
    Guid SubmissionId,
    string State,
    string? ReportStatus,
    IReadOnlyList<VisibleCheck> Checks,
    int HiddenChecks,
    int HiddenChecksPassed,
    FailureSummary? Failure);

public sealed record VisibleCheck(string Id, string Title, bool Passed, string Summary);

public sealed record FailureSummary(string Phase, string Kind, string Message, IReadOnlyList<string> LogTail);

/// <summary>An interviewer's view of a submission.</summary>
/// <param name="Kind">candidate, or calibration (a reference solution graded to calibrate the rubric).</param>
/// <param name="Level">The level the rubric gave; <see cref="OverrideLevel"/> is an interviewer's, when set.</param>
public sealed record SubmissionSummary(
    Guid Id,
    string ChallengeId,
    string Kind,
    string? CandidateName,
    Guid? InvitationId,
    string State,
    string? ReportStatus,
    string? Level,
    int? Score,
    string? OverrideLevel,
    string? OverrideReason,
    int Attempts,
    long ArchiveBytes,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt,
    string? OverrideBy = null,
    DateTimeOffset? OverriddenAt = null);

public sealed record LevelOverrideRequest(string Level, string Reason);

public sealed record NoteRequest(string Body);

public sealed record SubmissionNote(long Id, string Author, string Body, DateTimeOffset CreatedAt);
