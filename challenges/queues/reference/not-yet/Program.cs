// Reference solution (expected level: not-yet). Pays each job inside the POST request itself and
// answers 201 once the provider has answered: the caller waits for the provider, a provider failure
// is the caller's error, nothing is retried and nothing survives a restart.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient();
var app = builder.Build();

var jobs = new Dictionary<string, Job>();
var upstreamUrl = Environment.GetEnvironmentVariable("UPSTREAM_URL") ?? "http://localhost:9000";

app.MapGet("/health/live", () => "healthy");
app.MapGet("/health/ready", () => "healthy");

app.MapPost("/jobs", async (Job job, IHttpClientFactory factory) =>
{
    if (job.AmountCents <= 0)
    {
        return Results.BadRequest("amount must be positive");
    }

    job.Id = Guid.NewGuid().ToString();
    job.CreatedAt = DateTime.Now;
    job.Attempts = 1;

    var client = factory.CreateClient();
    var response = await client.PostAsJsonAsync(upstreamUrl + "/payments", new { reference = job.Reference, amountCents = job.AmountCents });
    if (!response.IsSuccessStatusCode)
    {
        job.Status = "failed";
        jobs[job.Id] = job;
        return Results.StatusCode(500);
    }

    job.Status = "succeeded";
    jobs[job.Id] = job;
    return Results.Created("/jobs/" + job.Id, job);
});

app.MapGet("/jobs/{id}", (string id) => jobs.ContainsKey(id) ? Results.Ok(jobs[id]) : Results.NotFound());

app.MapGet("/jobs", () => jobs.Values.ToList());

app.Run();

class Job
{
    public string? Id { get; set; }
    public string? Reference { get; set; }
    public long AmountCents { get; set; }
    public string? Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
}
