// The faults test service: prices read through from the upstream (trace context forwarded), jobs paid
// through it once each (idempotency key forwarded) and appended to a file on the data volume.
using System.Text;
using System.Text.Json.Nodes;

var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
var upstream = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("UPSTREAM_URL") ?? "http://upstream:8080"), Timeout = TimeSpan.FromSeconds(10) };
var jobs = Path.Combine(Environment.GetEnvironmentVariable("DATA_DIR") ?? "/tmp", "jobs.log");
var gate = new SemaphoreSlim(1, 1);

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.MapGet("/prices/{key}", async (string key, HttpRequest incoming) =>
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/prices/{Uri.EscapeDataString(key)}");
    if (incoming.Headers.TraceParent.ToString() is { Length: > 0 } trace)
    {
        request.Headers.TryAddWithoutValidation("traceparent", trace);
    }

    try
    {
        using var response = await upstream.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode switch
        {
            200 => Results.Content(body, "application/json"),
            404 => Results.Problem(statusCode: 404, title: "unknown price"),
            _ => Results.Problem(statusCode: 502, title: "upstream failed"),
        };
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        return Results.Problem(statusCode: 502, title: "upstream unreachable or too slow");
    }
});

app.MapPost("/jobs", async (HttpRequest incoming) =>
{
    var job = await JsonNode.ParseAsync(incoming.Body);
    var orderId = job?["orderId"]?.GetValue<string>();
    if (string.IsNullOrEmpty(orderId))
    {
        return Results.Problem(statusCode: 400, title: "orderId is required");
    }

    using var request = new HttpRequestMessage(HttpMethod.Post, "/payments") { Content = new StringContent(new JsonObject { ["reference"] = orderId }.ToJsonString(), Encoding.UTF8, "application/json") };
    if (incoming.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key)
    {
        request.Headers.Add("Idempotency-Key", key);
    }

    using var response = await upstream.SendAsync(request);
    if (!response.IsSuccessStatusCode)
    {
        return Results.Problem(statusCode: 503, title: "payment failed");
    }

    await gate.WaitAsync();
    try
    {
        await File.AppendAllTextAsync(jobs, orderId + "\n");
    }
    finally
    {
        gate.Release();
    }

    return Results.Accepted(value: new { orderId });
});

app.MapGet("/jobs/count", () => Results.Ok(new { count = File.Exists(jobs) ? File.ReadAllLines(jobs).Length : 0 }));

app.Run();
