// Sample (expected outcome: start_failed). Keeps its job journal next to the binary instead of under
// DATA_DIR. That works on a laptop, but the graded container's file system is read-only outside /tmp
// and DATA_DIR, so opening the journal at start-up throws and the service never becomes ready.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var journal = new StreamWriter(new FileStream("jobs.journal", FileMode.Append, FileAccess.Write)) { AutoFlush = true };

app.MapGet("/health/live", () => Results.Ok());
app.MapGet("/health/ready", () => Results.Ok());

app.MapPost("/jobs", async (JobRequest request) =>
{
    var id = Guid.NewGuid().ToString("N");
    await journal.WriteLineAsync($"{id}\t{request.Reference}\t{request.AmountCents}");
    return Results.Accepted($"/jobs/{id}", new { id, request.Reference, request.AmountCents, status = "queued", attempts = 0 });
});

app.Run();

record JobRequest(string Reference, long AmountCents);
