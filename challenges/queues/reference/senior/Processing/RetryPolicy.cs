using PaymentJobs.Jobs;

namespace PaymentJobs.Processing;

/// <summary>Exponential backoff with full jitter on the upper half, capped; pure apart from its random source.</summary>
public sealed class RetryPolicy(QueueOptions options)
{
    public bool MayRetry(int attemptsSoFar) => attemptsSoFar < options.MaxAttempts;

    public TimeSpan DelayAfter(int attemptsSoFar)
    {
        var exponential = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsSoFar - 1));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        // Jitter spreads the retries of jobs that failed together, so they do not hit a recovering provider at once.
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
