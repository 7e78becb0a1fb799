// Planted-smell corpus: every line marked "planted: <rule>" must be reported by that rule at that
// line, and every line marked "not: <rule>" must not be. Read as text by the tests, never compiled.
using System.Collections.Concurrent;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<OrderBook>();
builder.Services.AddSingleton(_ => new HttpClient()); // not: httpclient-per-request
var app = builder.Build();

var visits = new Dictionary<string, int>();
var guarded = new List<string>();
var shared = new HttpClient(); // not: httpclient-per-request

app.MapGet("/visits/{page}", (string page) =>
{
    visits[page] = visits.GetValueOrDefault(page) + 1; // planted: unsynchronised-shared-collection
    lock (guarded)
    {
        guarded.Add(page); // not: unsynchronised-shared-collection
    }

    return Results.Ok(visits[page]);
});

app.MapGet("/weather", (IConfiguration config) =>
{
    var client = new HttpClient(); // planted: httpclient-per-request
    var body = client.GetStringAsync("http://127.0.0.1:9/forecast").Result; // planted: sync-over-async
    Thread.Sleep(100); // planted: thread-sleep
    return Results.Ok(body);
});

app.MapGet("/slow", async (HttpContext context) => // planted: cancellation-token
{
    await Task.Delay(1000);
    return Results.Ok();
});

app.MapGet("/polite", async (CancellationToken cancellationToken) => // not: cancellation-token
{
    await Task.Delay(1000, cancellationToken);
    return Results.Ok();
});

app.MapGet("/orders/{id}", OrderEndpoints.GetOrder);

app.Run();

static class OrderEndpoints
{
    private static readonly Dictionary<string, string> PriceCache = new(); // planted: unbounded-cache
    private static readonly ConcurrentDictionary<int, string> Lookups = new(); // planted: unbounded-cache

    public static async Task<IResult> GetOrder(int id, OrderBook book, CancellationToken cancellationToken)
    {
        var name = Lookups.GetOrAdd(id, i => i.ToString()); // not: unsynchronised-shared-collection
        PriceCache[name] = name; // planted: unsynchronised-shared-collection
        var text = File.ReadAllText("/data/orders.json"); // planted: blocking-io-in-async
        await book.SaveAsync(text, cancellationToken);
        return Results.Ok(book.Find(id));
    }
}
