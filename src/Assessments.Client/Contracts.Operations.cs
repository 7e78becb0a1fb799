using System.Text.Json;

namespace Assessments.Client;

/// <summary>A grading the platform gave up on after its retries; shown to admins, never held against the candidate.</summary>
public sealed record DeadLetter(Guid JobId, Guid SubmissionId, string ChallengeId, int Attempts, string? LastError, DateTimeOffset EnqueuedAt);

public sealed record AuditEntry(long Id, string Actor, string Action, string Entity, string EntityId, JsonElement? Before, JsonElement? After, DateTimeOffset At);

/// <summary>A calibration run: every reference solution of a challenge graded, expected against given level.</summary>
public sealed record CalibrationRun(Guid Id, string ChallengeId, bool Finished, bool AllAgree, IReadOnlyList<CalibrationEntry> Entries);

public sealed record CalibrationEntry(Guid SubmissionId, string Reference, string ExpectedLevel, string State, string? ReportStatus, string? GivenLevel, bool? Agrees);

/// <summary>
/// A runner worker as the platform last saw it: its grading slots and how many are grading now. Stale
/// when it has not been seen for three heartbeats (a worker killed without stopping; its row stays
/// until it starts again under the same id or an admin looks past it).
/// </summary>
public sealed record RunnerWorker(string WorkerId, string Host, int Cpus, int Slots, int Busy, DateTimeOffset StartedAt, DateTimeOffset SeenAt, bool Stale);
