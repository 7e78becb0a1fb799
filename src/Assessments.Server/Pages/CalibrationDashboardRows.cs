namespace Assessments.Server.Pages;

/// <summary>One graded submission of a challenge, as the calibration dashboard needs it.</summary>
/// <param name="Reviewed">An interviewer looked at it: set a level or left a note.</param>
public sealed record GradedSubmission(
    Guid Id,
    string Kind,
    Guid? CalibrationRun,
    string? Reference,
    string? ExpectedLevel,
    string Status,
    string Level,
    int Score,
    string? OverrideLevel,
    bool Reviewed,
    string RubricVersion,
    DateTimeOffset GradedAt);

/// <summary>A rubric version as seen in reports: when it graded, how often, and its criteria with their points.</summary>
public sealed record RubricVersionSeen(string Version, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Reports, IReadOnlyDictionary<string, int> CriterionPoints);
