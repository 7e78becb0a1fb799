namespace Assessments.Platform.Queue;

/// <summary>A grading job a worker holds a lease on. Every write about it is fenced by (<see cref="Owner"/>, <see cref="Attempt"/>).</summary>
public sealed record ClaimedJob(Guid Id, Guid SubmissionId, string ChallengeId, int Attempt, int MaxAttempts, string Owner)
{
    /// <summary>Names every Docker resource of this attempt (label <c>org.assessments.grading</c>).</summary>
    public string GradingId => GradingIdFor(Id, Attempt);

    public static string GradingIdFor(Guid jobId, int attempt) => $"{jobId:n}-{attempt}";
}

/// <summary>What a finished attempt stores: the report as JSON and HTML, and the fields queries filter on.</summary>
public sealed record FinishedGrading(string Status, string Level, int Score, string ReportJson, string ReportHtml);

public enum RetryOutcome
{
    /// <summary>Queued again, to run after a backoff.</summary>
    Requeued,

    /// <summary>Out of attempts: failed, listed for admins as a dead letter.</summary>
    DeadLettered,

    /// <summary>The lease had been taken over: this worker's result was not written.</summary>
    Fenced,
}
