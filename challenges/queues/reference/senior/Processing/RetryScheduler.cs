using PaymentJobs.Jobs;

namespace PaymentJobs.Processing;

/// <summary>
/// Holds jobs waiting for their next attempt and hands each back to the workers when it is due, so a
/// job in backoff never occupies a worker (no head-of-line blocking).
/// </summary>
public sealed class RetryScheduler(JobStore store, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, DateTimeOffset> _due = new();

    public void Schedule(string id, DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            _due.Enqueue(id, dueAt);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (id, dueAt) in store.PendingRetries)
        {
            Schedule(id, dueAt);
        }

        using var timer = new PeriodicTimer(Tick, clock);
        while (await WaitForTickAsync(timer, stoppingToken))
        {
            foreach (var id in TakeDue(clock.GetUtcNow()))
            {
                store.MakeReady(id);
            }
        }
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Jobs still waiting stay "queued" with their due time in the journal and are rescheduled on start.
            return false;
        }
    }

    private List<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        lock (_gate)
        {
            while (_due.TryPeek(out var id, out var dueAt) && dueAt <= now)
            {
                _due.Dequeue();
                due.Add(id);
            }
        }

        return due;
    }
}
