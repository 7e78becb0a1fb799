using PaymentJobs.Jobs;
using PaymentJobs.Operations;

namespace PaymentJobs.Processing;

/// <summary>
/// A fixed number of workers take ready jobs and make one payment attempt each; the pool size is the
/// ceiling on concurrent calls to the provider. A job that must wait for a retry goes to the
/// <see cref="RetryScheduler"/> instead of keeping a worker busy.
/// </summary>
public sealed partial class JobDispatcher(
    JobStore store,
    PaymentsClient payments,
    RetryPolicy retryPolicy,
    RetryScheduler retries,
    ServiceMetrics metrics,
    QueueOptions options,
    TimeProvider clock,
    ILogger<JobDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On SIGTERM the workers take no new job, but an attempt in flight gets until the drain token
        // fires to finish and record its outcome, well inside the shutdown grace.
        using var drain = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => drain.CancelAfter(options.DrainTimeout));
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => WorkAsync(stoppingToken, drain.Token)));
    }

    private async Task WorkAsync(CancellationToken stoppingToken, CancellationToken drainToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string id;
            try
            {
                id = await store.Ready.ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await AttemptAsync(id, drainToken);
            }
            catch (OperationCanceledException) when (drainToken.IsCancellationRequested)
            {
                // The journal still says "processing": the restart retries it with the same payment key.
                LogAbandoned(id);
                return;
            }
        }
    }

    private async Task AttemptAsync(string id, CancellationToken cancellationToken)
    {
        if (store.Find(id) is not { IsFinished: false } job)
        {
            return;
        }

        // The attempt is journalled before the call: a crash mid-call then counts it, and the retry after
        // the restart reuses the job's payment key, so the provider pays at most once.
        job = await store.SaveAsync(job with { Status = JobStatus.Processing, Attempts = job.Attempts + 1, UpdatedAt = clock.GetUtcNow(), NextAttemptAt = null }, cancellationToken);

        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(options.AttemptTimeout);
        var outcome = await payments.PayAsync(job, attemptTimeout.Token);
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case PaymentOutcome.Paid:
                await store.SaveAsync(job with { Status = JobStatus.Succeeded, UpdatedAt = now, LastError = null }, cancellationToken);
                metrics.JobFinished(JobStatus.Succeeded);
                LogSucceeded(job.Id, job.Reference, job.Attempts, job.TraceId);
                break;

            case PaymentOutcome.Refused refused:
                await store.SaveAsync(job with { Status = JobStatus.Failed, UpdatedAt = now, LastError = refused.Reason }, cancellationToken);
                metrics.JobFinished(JobStatus.Failed);
                LogRefused(job.Id, job.Reference, refused.Reason, job.TraceId);
                break;

            case PaymentOutcome.Transient transient when retryPolicy.MayRetry(job.Attempts):
                var dueAt = now + retryPolicy.DelayAfter(job.Attempts);
                await store.SaveAsync(job with { Status = JobStatus.Queued, UpdatedAt = now, LastError = transient.Reason, NextAttemptAt = dueAt }, cancellationToken);
                retries.Schedule(job.Id, dueAt);
                metrics.RetryScheduled();
                LogRetrying(job.Id, job.Reference, job.Attempts, transient.Reason, dueAt, job.TraceId);
                break;

            case PaymentOutcome.Transient transient:
                await store.SaveAsync(job with { Status = JobStatus.DeadLettered, UpdatedAt = now, LastError = transient.Reason }, cancellationToken);
                metrics.JobFinished(JobStatus.DeadLettered);
                LogDeadLettered(job.Id, job.Reference, job.Attempts, transient.Reason, job.TraceId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: attempt abandoned at shutdown; it resumes after the restart")]
    private partial void LogAbandoned(string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Reference}) paid after {Attempts} attempts (trace {TraceId})")]
    private partial void LogSucceeded(string jobId, string reference, int attempts, string traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Reference}) refused: {Reason} (trace {TraceId})")]
    private partial void LogRefused(string jobId, string reference, string reason, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Reference}) attempt {Attempts} failed: {Reason}; next attempt at {DueAt} (trace {TraceId})")]
    private partial void LogRetrying(string jobId, string reference, int attempts, string reason, DateTimeOffset dueAt, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Reference}) dead-lettered after {Attempts} attempts: {Reason} (trace {TraceId})")]
    private partial void LogDeadLettered(string jobId, string reference, int attempts, string reason, string traceId);
}
