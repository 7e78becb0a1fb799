// Reference solution (expected level: engineer-ii). Jobs are written to a JSON-lines file under
// DATA_DIR before the 202 and replayed on start; a background worker pays them with retries and
// exponential backoff, dead-letters what keeps failing, and sends a stable Idempotency-Key upstream.
// Not done: no limit on queued work or on concurrent upstream calls, plain-text logs, no metrics.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddProblemDetails();
builder.Services.AddSingleton(sp => new JobRepository(
    Path.Combine(builder.Configuration["DATA_DIR"] ?? "data", "jobs.jsonl"),
    sp.GetRequiredService<ILogger<JobRepository>>()));
builder.Services.AddSingleton<WorkQueue>();
builder.Services.AddHttpClient("payments", c =>
{
    c.BaseAddress = new Uri(builder.Configuration["UPSTREAM_URL"] ?? "http://localhost:9000");
    c.Timeout = TimeSpan.FromSeconds(5);
});
builder.Services.AddHostedService<PaymentWorker>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/health/live", () => Results.Ok(new { status = "ok" }));
app.MapGet("/health/ready", () => Results.Ok(new { status = "ok" }));

app.MapPost("/jobs", async (NewJob body, HttpRequest request, JobRepository repo, WorkQueue queue) =>
{
    var errors = body.Validate();
    if (errors.Count > 0)
    {
        return Results.ValidationProblem(errors);
    }

    var key = request.Headers["Idempotency-Key"].FirstOrDefault();
    var (job, created) = await repo.CreateAsync(body.Reference!, body.AmountCents!.Value, key);
    if (!created)
    {
        return Results.Ok(job);
    }

    queue.Enqueue(job.Id);
    return Results.Accepted($"/jobs/{job.Id}", job);
});

app.MapGet("/jobs/{id}", (string id, JobRepository repo) =>
    repo.Get(id) is { } job ? Results.Ok(job) : Results.Problem(statusCode: 404, title: "Job not found"));

app.MapGet("/jobs", (string? status, int? limit, JobRepository repo) =>
{
    var take = limit ?? 20;
    if (take < 1 || take > 100)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 100"] });
    }

    if (status != null && !JobState.All.Contains(status))
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["unknown status"] });
    }

    var items = repo.All()
        .Where(j => status == null || j.Status == status)
        .OrderByDescending(j => j.CreatedAt)
        .Take(take)
        .ToList();
    return Results.Ok(new { items });
});

app.MapGet("/dead-letters", (JobRepository repo) =>
{
    var items = repo.All().Where(j => j.Status == JobState.DeadLettered).OrderByDescending(j => j.UpdatedAt).ToList();
    return Results.Ok(new { items });
});

// Anything left unfinished by the last run (including jobs cut off mid-call) goes back on the queue.
var startup = app.Services.GetRequiredService<JobRepository>();
await startup.LoadAsync();
foreach (var job in startup.All().Where(j => !JobState.IsFinal(j.Status)))
{
    app.Services.GetRequiredService<WorkQueue>().Enqueue(job.Id);
}

app.Run();

record NewJob(string? Reference, long? AmountCents)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(Reference) || Reference.Length > 64)
        {
            errors["reference"] = ["reference is required (1-64 characters)"];
        }

        if (AmountCents == null || AmountCents < 1 || AmountCents > 100_000_000)
        {
            errors["amountCents"] = ["amountCents must be between 1 and 100000000"];
        }

        return errors;
    }
}

record PaymentJob(string Id, string Reference, long AmountCents, string Status, int Attempts,
    DateTime CreatedAt, DateTime UpdatedAt, string? LastError, string? IdempotencyKey);

static class JobState
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string DeadLettered = "dead-lettered";

    public static readonly string[] All = [Queued, Processing, Succeeded, Failed, DeadLettered];

    public static bool IsFinal(string status) => status is Succeeded or Failed or DeadLettered;
}
