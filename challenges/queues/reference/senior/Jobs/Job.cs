namespace PaymentJobs.Jobs;

/// <summary>
/// One payment job as the journal stores it. Immutable: every change is a new snapshot, which is
/// exactly what gets appended to the journal.
/// </summary>
public sealed record Job(
    string Id,
    long Sequence,
    string Reference,
    long AmountCents,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    string? IdempotencyKey,
    string TraceId)
{
    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.DeadLettered;

    /// <summary>The key the payments provider deduplicates on: the same for every attempt, across restarts.</summary>
    public string PaymentKey => $"payment-{Id}";
}

public static class JobStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string DeadLettered = "dead-lettered";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Queued, Processing, Succeeded, Failed, DeadLettered };
}

/// <summary>What clients see of a job: no internal bookkeeping such as the trace or the idempotency key.</summary>
public sealed record JobView(
    string Id,
    string Reference,
    long AmountCents,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LastError)
{
    public static JobView Of(Job job) =>
        new(job.Id, job.Reference, job.AmountCents, job.Status, job.Attempts, job.CreatedAt, job.UpdatedAt, job.LastError);
}

public sealed record JobList(IReadOnlyList<JobView> Items);
