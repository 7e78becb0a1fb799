// Reference solution (expected level: junior). Accepts jobs with 202 and processes them in a
// background service with a few retries and a dead-letter list. Everything lives in memory, so a
// restart loses the queue; there is no Idempotency-Key handling and one job is processed at a time.
using System.Collections.Concurrent;
using System.Threading.Channels;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<JobQueue>();
builder.Services.AddHttpClient();
builder.Services.AddHostedService<JobProcessor>();
var app = builder.Build();

app.MapGet("/health/live", () => "OK");
app.MapGet("/health/ready", () => "OK");

app.MapPost("/jobs", (CreateJobRequest req, JobQueue queue) =>
{
    var errors = new Dictionary<string, string[]>();
    if (string.IsNullOrEmpty(req.Reference) || req.Reference.Length > 64)
        errors.Add("reference", new[] { "Reference is required and must be at most 64 characters." });
    if (req.AmountCents <= 0 || req.AmountCents > 100000000)
        errors.Add("amountCents", new[] { "Amount must be between 1 and 100000000." });
    if (errors.Count > 0)
        return Results.ValidationProblem(errors);

    var job = new Job
    {
        Id = Guid.NewGuid().ToString(),
        Reference = req.Reference!,
        AmountCents = req.AmountCents,
        Status = "queued",
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
    queue.Add(job);
    return Results.Accepted("/jobs/" + job.Id, job);
});

app.MapGet("/jobs/{id}", (string id, JobQueue queue) =>
{
    var job = queue.Get(id);
    if (job == null)
        return Results.NotFound();
    return Results.Ok(job);
});

app.MapGet("/jobs", (string? status, int? limit, JobQueue queue) =>
{
    var jobs = queue.All().OrderByDescending(j => j.CreatedAt).AsEnumerable();
    if (status != null)
        jobs = jobs.Where(j => j.Status == status);
    return Results.Ok(new { items = jobs.Take(limit ?? 20).ToList() });
});

app.MapGet("/dead-letters", (JobQueue queue) =>
    Results.Ok(new { items = queue.All().Where(j => j.Status == "dead-lettered").OrderByDescending(j => j.UpdatedAt).ToList() }));

app.Run();

public class CreateJobRequest
{
    public string? Reference { get; set; }
    public long AmountCents { get; set; }
}

public class Job
{
    public string Id { get; set; } = "";
    public string Reference { get; set; } = "";
    public long AmountCents { get; set; }
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? LastError { get; set; }
}

public class JobQueue
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new();
    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>();

    public void Add(Job job)
    {
        _jobs[job.Id] = job;
        _channel.Writer.TryWrite(job);
    }

    public Job? Get(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public IEnumerable<Job> All() => _jobs.Values;

    public ChannelReader<Job> Reader => _channel.Reader;
}

public class JobProcessor : BackgroundService
{
    private readonly JobQueue _queue;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IConfiguration _config;
    private readonly ILogger<JobProcessor> _logger;

    public JobProcessor(JobQueue queue, IHttpClientFactory httpClientFactory, IConfiguration config, ILogger<JobProcessor> logger)
    {
        _queue = queue;
        _httpClientFactory = httpClientFactory;
        _config = config;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var upstream = _config["UPSTREAM_URL"] ?? "http://localhost:9000";
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.Status = "processing";
            job.UpdatedAt = DateTime.UtcNow;

            // Try up to 3 times, waiting two seconds between tries.
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                job.Attempts = attempt;
                try
                {
                    var client = _httpClientFactory.CreateClient();
                    var response = await client.PostAsJsonAsync(upstream + "/payments",
                        new { reference = job.Reference, amountCents = job.AmountCents }, stoppingToken);
                    if (response.IsSuccessStatusCode)
                    {
                        job.Status = "succeeded";
                        job.LastError = null;
                        break;
                    }

                    job.LastError = "Upstream returned " + (int)response.StatusCode;
                }
                catch (HttpRequestException ex)
                {
                    job.LastError = ex.Message;
                }

                _logger.LogWarning("Payment for job {Id} failed: {Error}", job.Id, job.LastError);
                if (attempt < 3)
                    await Task.Delay(2000, stoppingToken);
            }

            if (job.Status != "succeeded")
                job.Status = "dead-lettered";
            job.UpdatedAt = DateTime.UtcNow;
            _logger.LogInformation("Job {Id} finished with status {Status}", job.Id, job.Status);
        }
    }
}
