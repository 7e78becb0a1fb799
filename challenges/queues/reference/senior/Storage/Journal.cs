using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using PaymentJobs.Jobs;

namespace PaymentJobs.Storage;

/// <summary>
/// An append-only file of job snapshots, one JSON object per line. Appends are group-committed: one
/// writer drains whatever callers queued, writes it in one go and syncs it to disk, then releases all
/// of them, so a burst of submissions costs one fsync rather than one each.
/// </summary>
public sealed partial class Journal(JournalOptions options, ILogger<Journal> logger) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private FileStream? _file;
    private Task _writer = Task.CompletedTask;

    private string FilePath => Path.Combine(options.Directory, "jobs.journal");

    /// <summary>Reads every snapshot back (the last one per job wins), rewrites the file compacted, and starts accepting appends.</summary>
    public async Task<IReadOnlyCollection<Job>> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Directory);
        var jobs = await ReplayAsync(cancellationToken);
        await CompactAsync(jobs.Values, cancellationToken);

        // WriteThrough makes every write reach the disk before it returns (O_SYNC): that is the fsync.
        _file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.WriteThrough | FileOptions.Asynchronous);
        _writer = WriteLoopAsync(_closing.Token);
        return jobs.Values;
    }

    /// <summary>Completes once the snapshot is on disk.</summary>
    public async Task AppendAsync(Job job, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(job, Json) + "\n";
        var pending = new PendingAppend(Encoding.UTF8.GetBytes(line), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_appends.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The journal is closed.");
        }

        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var batch = new List<PendingAppend>();
        while (await _appends.Reader.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            while (batch.Count < 512 && _appends.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var bytes = batch.SelectMany(p => p.Line).ToArray();
                await _file!.WriteAsync(bytes, cancellationToken);
                batch.ForEach(p => p.Written.TrySetResult());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The callers decide what a failed write means (the submission is refused); the journal goes on.
                LogWriteFailed(ex, batch.Count);
                batch.ForEach(p => p.Written.TrySetException(ex));
            }
        }
    }

    private async Task<Dictionary<string, Job>> ReplayAsync(CancellationToken cancellationToken)
    {
        var jobs = new Dictionary<string, Job>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
        {
            return jobs;
        }

        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(FilePath, cancellationToken))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var job = JsonSerializer.Deserialize<Job>(line, Json);
                if (job is not null)
                {
                    jobs[job.Id] = job;
                }
            }
            catch (JsonException ex)
            {
                // Only a write cut short by a crash can leave a torn line, and no one was told it succeeded.
                LogTornLine(ex, number);
            }
        }

        LogReplayed(jobs.Count, number);
        return jobs;
    }

    private async Task CompactAsync(IEnumerable<Job> jobs, CancellationToken cancellationToken)
    {
        var temporary = FilePath + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            foreach (var job in jobs.OrderBy(j => j.Sequence))
            {
                var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(job, Json) + "\n");
                await file.WriteAsync(line, cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        // The rename is atomic: a crash leaves either the old journal or the compacted one, never half of each.
        File.Move(temporary, FilePath, overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            await _closing.CancelAsync();
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }

        _closing.Dispose();
    }

    private sealed record PendingAppend(byte[] Line, TaskCompletionSource Written);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal replayed: {JobCount} jobs from {LineCount} lines")]
    private partial void LogReplayed(int jobCount, int lineCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal line {LineNumber} is torn and was skipped")]
    private partial void LogTornLine(Exception exception, int lineNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal write of {AppendCount} snapshots failed")]
    private partial void LogWriteFailed(Exception exception, int appendCount);
}

public sealed class JournalOptions
{
    public string Directory { get; set; } = "data";
}
