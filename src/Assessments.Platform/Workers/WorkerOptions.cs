namespace Assessments.Platform.Workers;

/// <summary>A worker's settings, section <c>Worker</c> (environment: <c>WORKER__NAME</c>); the database is <c>ConnectionStrings:Assessments</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Names this worker as the owner of the jobs it claims; unique per running worker.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    public string ChallengesPath { get; set; } = "challenges";

    /// <summary>How long a claim holds without a heartbeat; a worker that dies loses its job after this.</summary>
    public double LeaseSeconds { get; set; } = 60;

    public double HeartbeatSeconds { get; set; } = 15;

    /// <summary>How long an idle worker waits before it asks the queue again.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Backoff after a platform fault: this, doubled per attempt, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 10;

    public double RetryMaxSeconds { get; set; } = 300;

    /// <summary>
    /// How many gradings this worker runs at once; 0 (the default) takes as many as the host has
    /// grading slots (<c>ASSESS_SLOTS</c>, by default one per two CPUs). Each waits for a free slot
    /// before it claims a job.
    /// </summary>
    public int Slots { get; set; }

    /// <summary>
    /// How long a finished job stays in the queue table before it moves to <c>grading_jobs_archive</c>
    /// (readers see both through the view <c>grading_jobs_all</c>); keeps the table the workers claim
    /// from proportional to recent work rather than to every grading ever made.
    /// </summary>
    public double FinishedJobRetentionDays { get; set; } = 7;

    /// <summary>How often each worker moves finished jobs past the retention; several workers share the work (SKIP LOCKED).</summary>
    public double ArchiveEveryMinutes { get; set; } = 60;

    /// <summary>Seed for generated data, recorded in reports; fixed so that the same work gets the same grade.</summary>
    public int Seed { get; set; } = 1;

    public bool IsValid(out string? problem)
    {
        problem = string.IsNullOrWhiteSpace(WorkerId) ? "WorkerId is empty"
            : LeaseSeconds <= 0 || HeartbeatSeconds <= 0 || PollSeconds <= 0 ? "durations must be positive"
            : HeartbeatSeconds >= LeaseSeconds ? "HeartbeatSeconds must be shorter than LeaseSeconds"
            : RetryBaseSeconds < 0 || RetryMaxSeconds < RetryBaseSeconds ? "RetryBaseSeconds must be between 0 and RetryMaxSeconds"
            : Slots < 0 ? "Slots must be 0 (as many as the host has) or more"
            : FinishedJobRetentionDays < 0 || ArchiveEveryMinutes <= 0 ? "FinishedJobRetentionDays must be 0 or more and ArchiveEveryMinutes positive"
            : null;
        return problem is null;
    }

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);

    public TimeSpan FinishedJobRetention => TimeSpan.FromDays(FinishedJobRetentionDays);

    public TimeSpan ArchiveEvery => TimeSpan.FromMinutes(ArchiveEveryMinutes);

    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempt - 1))));
}
