using Assessments.Domain.Challenges;

namespace Assessments.Runner.Grading;

/// <summary>One submission to grade against one challenge.</summary>
/// <param name="Seed">Makes generated data (and later generated requests) reproducible; recorded in the report.</param>
/// <param name="GradingId">Names every Docker resource of this grading; a fresh one when null.</param>
public sealed record GradingRequest(Challenge Challenge, string SubmissionPath, int Seed = 1, string? GradingId = null)
{
    /// <summary>
    /// The host's grading slot already held for this grading (by a worker, or the grading a baseline is
    /// measured for); null makes the grader take one itself, waiting until one is free.
    /// </summary>
    public Domain.Hosts.CpuSlot? Slot { get; init; }

    /// <summary>
    /// The seat the caller holds for this grading (a worker's reservation): the grading takes its turns
    /// at that slot's gate, as one that takes its own seat does. Null with a <see cref="Slot"/> for a
    /// grading inside another's measured stage (a baseline), which already runs alone.
    /// </summary>
    public Domain.Hosts.SlotLease? Seat { get; init; }
}

/// <summary>What the grader is doing now, for progress displays.</summary>
public sealed record GradingProgress(string Phase, string Message);

/// <summary>The phases whose durations a report records.</summary>
public static class Phases
{
    public const string Slot = "slot";
    public const string Intake = "intake";
    public const string Build = "build";
    public const string Start = "start";
    public const string Checks = "checks";
    public const string Shutdown = "shutdown";
    public const string Cleanup = "cleanup";
}
