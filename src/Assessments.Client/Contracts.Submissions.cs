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

/// <summary>
/// The part of a report a candidate may see: the published checks in full (failures first, with the
/// requests, responses and curl commands behind them), the points they earned, and for hidden checks
/// only how many passed and the areas (competencies) where some failed.
/// </summary>
public sealed record CandidateFeedback(
    Guid SubmissionId,
    string State,
    string? ReportStatus,
    IReadOnlyList<VisibleCheck> Checks,
    int HiddenChecks,
    int HiddenChecksPassed,
    FailureSummary? Failure)
{
    /// <summary>Points the visible checks earned, of <see cref="VisibleMaxPoints"/> they carry in the rubric.</summary>
    public int VisiblePoints { get; init; }

    public int VisibleMaxPoints { get; init; }

    /// <summary>Per competency, how many of its hidden checks failed (never which).</summary>
    public IReadOnlyList<HiddenAreaResult> HiddenAreas { get; init; } = [];
}

public sealed record VisibleCheck(string Id, string Title, bool Passed, string Summary)
{
    public double Points { get; init; }

    public double MaxPoints { get; init; }

    /// <summary>What the check saw: exchanges (request, response, curl), log lines or notes.</summary>
    public IReadOnlyList<CheckEvidence> Evidence { get; init; } = [];
}

/// <param name="Request">The request as sent (method, URL, headers, body); null for evidence without an exchange.</param>
/// <param name="Response">The response as received, or why none came.</param>
/// <param name="Curl">A command that sends the same request to a local run.</param>
public sealed record CheckEvidence(string Summary, string? Request, string? Response, string? Curl, IReadOnlyList<string> Lines);

public sealed record HiddenAreaResult(string Competency, int Failed, int Checks);

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
