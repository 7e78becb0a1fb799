// Sample (expected: start_failed). A working cache on the wrong port: it binds port 5000 in code.
// The grader starts every service with PORT=8080 and ASPNETCORE_HTTP_PORTS=8080 in its environment,
// which moves a service that keeps to the defaults (or to an ENV in its image); an address chosen in
// code wins over both, so the readiness probe on 8080 never gets an answer.
using System.Collections.Concurrent;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://0.0.0.0:5000");
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
