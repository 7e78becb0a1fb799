// Reference solution (expected level: junior). Caches upstream prices in memory for 5 seconds and
// supports invalidation. The happy path works; failures of the upstream are not handled.
using System.Collections.Concurrent;
using System.Net;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var upstreamUrl = Environment.GetEnvironmentVariable("UPSTREAM_URL") ?? "http://localhost:5000";
var client = new HttpClient { BaseAddress = new Uri(upstreamUrl) };

// sku -> cached response
var cache = new ConcurrentDictionary<string, CacheEntry>();
var ttl = TimeSpan.FromSeconds(5);

app.MapGet("/health/live", () => "OK");
app.MapGet("/health/ready", () => "OK");

app.MapGet("/prices/{sku}", async (string sku) =>
{
    if (cache.TryGetValue(sku, out var entry) && DateTime.UtcNow - entry.CachedAt < ttl)
    {
        return Results.Content(entry.Json, "application/json");
    }

    var response = await client.GetAsync("/prices/" + sku);
    if (response.StatusCode == HttpStatusCode.NotFound)
    {
        return Results.NotFound();
    }
    response.EnsureSuccessStatusCode();

    var json = await response.Content.ReadAsStringAsync();
    cache[sku] = new CacheEntry(json, DateTime.UtcNow);
    return Results.Content(json, "application/json");
});

app.MapPost("/invalidations", (InvalidationRequest request) =>
{
    cache.TryRemove(request.Key, out _);
    return Results.NoContent();
});

app.Run();

record CacheEntry(string Json, DateTime CachedAt);

record InvalidationRequest(string Key);
