// Sample (expected: start_failed). A working cache on the wrong port: the Dockerfile moves Kestrel
// to 5000, so the grader's readiness probe on 8080 never gets an answer.
using System.Collections.Concurrent;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var http = new HttpClient { BaseAddress = new Uri(builder.Configuration["UPSTREAM_URL"] ?? "http://localhost:9000") };
var cache = new ConcurrentDictionary<string, (string Json, DateTime At)>();

app.MapGet("/health/live", () => "live");
app.MapGet("/health/ready", () => "ready");
app.MapGet("/prices/{sku}", async (string sku, CancellationToken ct) =>
{
    if (cache.TryGetValue(sku, out var hit) && DateTime.UtcNow - hit.At < TimeSpan.FromSeconds(5))
    {
        return Results.Content(hit.Json, "application/json");
    }

    var json = await http.GetStringAsync($"/prices/{sku}", ct);
    cache[sku] = (json, DateTime.UtcNow);
    return Results.Content(json, "application/json");
});

app.Run();
