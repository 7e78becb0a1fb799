using System.Text;
using System.Text.Json;

// Keeps jobs in memory and appends every change to a JSON-lines file. On startup the file is read
// back and the last line for each job wins.
class JobRepository
{
    private readonly string _path;
    private readonly ILogger<JobRepository> _logger;
    private readonly Dictionary<string, PaymentJob> _jobs = new();
    private readonly Dictionary<string, string> _keys = new();
    private readonly SemaphoreSlim _lock = new(1, 1);
    private FileStream? _file;

    public JobRepository(string path, ILogger<JobRepository> logger)
    {
        _path = path;
        _logger = logger;
    }

    public async Task LoadAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        if (File.Exists(_path))
        {
            foreach (var line in await File.ReadAllLinesAsync(_path))
            {
                try
                {
                    var job = JsonSerializer.Deserialize<PaymentJob>(line);
                    if (job == null) continue;
                    _jobs[job.Id] = job;
                    if (job.IdempotencyKey != null) _keys[job.IdempotencyKey] = job.Id;
                }
                catch (JsonException)
                {
                    _logger.LogWarning("Skipping a broken line in {Path}", _path);
                }
            }
        }

        _logger.LogInformation("Loaded {Count} jobs", _jobs.Count);
        _file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public async Task<(PaymentJob Job, bool Created)> CreateAsync(string reference, long amountCents, string? idempotencyKey)
    {
        await _lock.WaitAsync();
        try
        {
            if (idempotencyKey != null && _keys.TryGetValue(idempotencyKey, out var existingId))
            {
                return (_jobs[existingId], false);
            }

            var now = DateTime.UtcNow;
            var job = new PaymentJob(Guid.NewGuid().ToString(), reference, amountCents, JobState.Queued, 0, now, now, null, idempotencyKey);
            await WriteAsync(job);
            lock (_jobs)
            {
                _jobs[job.Id] = job;
            }

            if (idempotencyKey != null) _keys[idempotencyKey] = job.Id;
            return (job, true);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task SaveAsync(PaymentJob job)
    {
        await _lock.WaitAsync();
        try
        {
            await WriteAsync(job);
            lock (_jobs)
            {
                _jobs[job.Id] = job;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public PaymentJob? Get(string id)
    {
        lock (_jobs)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    public List<PaymentJob> All()
    {
        lock (_jobs)
        {
            return _jobs.Values.ToList();
        }
    }

    private async Task WriteAsync(PaymentJob job)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(job) + "\n");
        await _file!.WriteAsync(bytes);
        await _file.FlushAsync();
        _file.Flush(true); // make sure it is on disk before we say 202
    }
}
