using System.Diagnostics;
using System.Threading.Channels;
using PaymentJobs.Storage;

namespace PaymentJobs.Jobs;

/// <summary>
/// Every job the service knows, kept in memory and journalled on every change. Owns the admission
/// rules (capacity, idempotent submission) and hands ready jobs to the workers through a channel.
/// </summary>
public sealed class JobStore(Journal journal, QueueOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly List<string> _creationOrder = [];
    private readonly Dictionary<string, Admission> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();
    private long _sequence;
    private int _unfinished;

    public ChannelReader<string> Ready => _ready.Reader;

    public int Unfinished => Volatile.Read(ref _unfinished);

    /// <summary>Jobs that were waiting for a retry when the journal was replayed, with the time it is due.</summary>
    public IReadOnlyList<(string Id, DateTimeOffset DueAt)> PendingRetries { get; private set; } = [];

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var stored = await journal.OpenAsync(cancellationToken);
        var retries = new List<(string, DateTimeOffset)>();
        lock (_gate)
        {
            foreach (var job in stored.OrderBy(j => j.Sequence))
            {
                _jobs[job.Id] = job;
                _creationOrder.Add(job.Id);
                _sequence = Math.Max(_sequence, job.Sequence);
                if (job.IdempotencyKey is { } key)
                {
                    _byIdempotencyKey[key] = new Admission(job, Task.CompletedTask);
                }

                if (job.IsFinished)
                {
                    continue;
                }

                _unfinished++;
                // A job found "processing" was interrupted mid-call; it goes again with the same payment key.
                if (job.NextAttemptAt is { } due && job.Status == JobStatus.Queued)
                {
                    retries.Add((job.Id, due));
                }
                else
                {
                    _ready.Writer.TryWrite(job.Id);
                }
            }
        }

        PendingRetries = retries;
    }

    public async Task<Submission> SubmitAsync(JobRequest request, string? idempotencyKey, ActivityTraceId traceId, CancellationToken cancellationToken)
    {
        Admission admission;
        lock (_gate)
        {
            if (idempotencyKey is not null && _byIdempotencyKey.TryGetValue(idempotencyKey, out var earlier))
            {
                admission = earlier;
            }
            else if (_unfinished >= options.Capacity)
            {
                return new Submission.Overloaded();
            }
            else
            {
                var now = clock.GetUtcNow();
                var job = new Job(Guid.CreateVersion7().ToString("N"), ++_sequence, request.Reference!, request.AmountCents!.Value,
                    JobStatus.Queued, 0, now, now, null, null, idempotencyKey, traceId.ToHexString());
                _jobs[job.Id] = job;
                _creationOrder.Add(job.Id);
                _unfinished++;
                admission = new Admission(job, PersistNewAsync(job));
                if (idempotencyKey is not null)
                {
                    _byIdempotencyKey[idempotencyKey] = admission;
                }

                return new Submission.Accepted(admission.Job, admission.Durable);
            }
        }

        // A repeat of a submission still being written waits for it: it must not answer before the first one could.
        await admission.Durable.WaitAsync(cancellationToken);
        return admission.Job.Reference == request.Reference && admission.Job.AmountCents == request.AmountCents
            ? new Submission.Repeated(Find(admission.Job.Id) ?? admission.Job)
            : new Submission.KeyReused();
    }

    // Not cancellable on purpose: once queued the line reaches the disk whether or not the client still
    // waits, so the job must stay known (and be carried out) rather than be forgotten half-way.
    private async Task PersistNewAsync(Job job)
    {
        try
        {
            await journal.AppendAsync(job, CancellationToken.None);
        }
        catch (Exception)
        {
            Forget(job);
            throw;
        }

        _ready.Writer.TryWrite(job.Id);
    }

    // A job that never reached the disk was never accepted: take it back out, and free its place.
    private void Forget(Job job)
    {
        lock (_gate)
        {
            _jobs.Remove(job.Id);
            _creationOrder.Remove(job.Id);
            _unfinished--;
            if (job.IdempotencyKey is { } key)
            {
                _byIdempotencyKey.Remove(key);
            }
        }
    }

    /// <summary>Journals the new snapshot first, then makes it visible.</summary>
    public async Task<Job> SaveAsync(Job job, CancellationToken cancellationToken)
    {
        await journal.AppendAsync(job, cancellationToken);
        lock (_gate)
        {
            var wasFinished = _jobs.TryGetValue(job.Id, out var previous) && previous.IsFinished;
            _jobs[job.Id] = job;
            if (job.IsFinished && !wasFinished)
            {
                _unfinished--;
            }
        }

        return job;
    }

    public void MakeReady(string id) => _ready.Writer.TryWrite(id);

    public Job? Find(string id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<Job> Newest(string? status, int limit)
    {
        lock (_gate)
        {
            var page = new List<Job>(limit);
            for (var i = _creationOrder.Count - 1; i >= 0 && page.Count < limit; i--)
            {
                var job = _jobs[_creationOrder[i]];
                if (status is null || job.Status == status)
                {
                    page.Add(job);
                }
            }

            return page;
        }
    }

    public IReadOnlyList<Job> DeadLetters()
    {
        lock (_gate)
        {
            return _jobs.Values.Where(j => j.Status == JobStatus.DeadLettered).OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.Sequence).ToList();
        }
    }

    private sealed record Admission(Job Job, Task Durable);
}

public abstract record Submission
{
    public sealed record Accepted(Job Job, Task Durable) : Submission;
    public sealed record Repeated(Job Job) : Submission;
    public sealed record KeyReused : Submission;
    public sealed record Overloaded : Submission;
}

public sealed class QueueOptions
{
    /// <summary>Unfinished jobs (queued, waiting for a retry, or processing) held at most; beyond it submissions are refused.</summary>
    public int Capacity { get; set; } = 100;

    /// <summary>Calls to the payments provider in flight at most.</summary>
    public int Workers { get; set; } = 4;

    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long an attempt in flight at SIGTERM may still take; below the host's shutdown timeout.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(6);
}
