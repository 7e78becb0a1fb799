using System.Net;
using System.Threading.Channels;

class WorkQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();

    public void Enqueue(string jobId) => _channel.Writer.TryWrite(jobId);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

// Picks jobs off the queue and pays each one in its own task, so a job waiting for a retry never
// blocks the others.
class PaymentWorker : BackgroundService
{
    private const int MaxAttempts = 6;

    private readonly WorkQueue _queue;
    private readonly JobRepository _repo;
    private readonly IHttpClientFactory _httpFactory;
    private readonly ILogger<PaymentWorker> _logger;

    public PaymentWorker(WorkQueue queue, JobRepository repo, IHttpClientFactory httpFactory, ILogger<PaymentWorker> logger)
    {
        _queue = queue;
        _repo = repo;
        _httpFactory = httpFactory;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.ReadAllAsync(stoppingToken))
        {
            _ = Task.Run(() => ProcessAsync(id, stoppingToken));
        }
    }

    private async Task ProcessAsync(string id, CancellationToken ct)
    {
        var job = _repo.Get(id);
        if (job == null || JobState.IsFinal(job.Status)) return;

        job = job with { Status = JobState.Processing, Attempts = job.Attempts + 1, UpdatedAt = DateTime.UtcNow };
        await _repo.SaveAsync(job);

        string? error;
        try
        {
            var client = _httpFactory.CreateClient("payments");
            var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
            {
                Content = JsonContent.Create(new { reference = job.Reference, amountCents = job.AmountCents }),
            };
            request.Headers.Add("Idempotency-Key", "job-" + job.Id);
            var response = await client.SendAsync(request, ct);

            if (response.IsSuccessStatusCode)
            {
                await _repo.SaveAsync(job with { Status = JobState.Succeeded, UpdatedAt = DateTime.UtcNow, LastError = null });
                _logger.LogInformation("Job {Id} paid on attempt {Attempt}", job.Id, job.Attempts);
                return;
            }

            var code = (int)response.StatusCode;
            if (code < 500 && response.StatusCode != HttpStatusCode.RequestTimeout && response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                await _repo.SaveAsync(job with { Status = JobState.Failed, UpdatedAt = DateTime.UtcNow, LastError = $"upstream returned {code}" });
                _logger.LogWarning("Job {Id} rejected by upstream with {Code}", job.Id, code);
                return;
            }

            error = $"upstream returned {code}";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "upstream timed out";
        }

        if (job.Attempts >= MaxAttempts)
        {
            await _repo.SaveAsync(job with { Status = JobState.DeadLettered, UpdatedAt = DateTime.UtcNow, LastError = error });
            _logger.LogError("Job {Id} dead-lettered after {Attempts} attempts: {Error}", job.Id, job.Attempts, error);
            return;
        }

        await _repo.SaveAsync(job with { Status = JobState.Queued, UpdatedAt = DateTime.UtcNow, LastError = error });
        var delay = TimeSpan.FromMilliseconds(300 * Math.Pow(2, job.Attempts - 1) + Random.Shared.Next(0, 100));
        _logger.LogWarning("Job {Id} attempt {Attempt} failed ({Error}), retrying in {Delay}", job.Id, job.Attempts, error, delay);
        await Task.Delay(delay, ct);
        _queue.Enqueue(job.Id);
    }
}
