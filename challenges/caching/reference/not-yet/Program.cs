// Reference solution (expected level: not-yet). Prices are fetched once and kept forever in a plain
// dictionary, answered in a shape of its own rather than the upstream's record, and there is no
// invalidation endpoint.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var upstream = Environment.GetEnvironmentVariable("UPSTREAM_URL");
var prices = new Dictionary<string, Price>();

app.MapGet("/health/live", () => "ok");
app.MapGet("/health/ready", () => "ok");

app.MapGet("/prices/{sku}", async (string sku) =>
{
    if (prices.ContainsKey(sku))
    {
        return Results.Ok(prices[sku]);
    }

    var http = new HttpClient();
    var record = await http.GetFromJsonAsync<UpstreamRecord>(upstream + "/prices/" + sku);
    var price = new Price { Sku = sku, Amount = record.Data.PriceCents / 100.0m, Currency = record.Data.Currency };
    prices[sku] = price;
    return Results.Ok(price);
});

app.Run();

class Price
{
    public string Sku { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; }
}

class UpstreamRecord
{
    public string Key { get; set; }
    public UpstreamData Data { get; set; }
}

class UpstreamData
{
    public long PriceCents { get; set; }
    public string Currency { get; set; }
}
