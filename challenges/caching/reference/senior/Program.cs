// Reference solution (expected level: senior). A read-through cache in front of the metered price
// upstream: fresh for a few seconds, one upstream call per cold key however many callers wait for it,
// a byte budget with least-recently-used eviction, stale copies when the upstream fails, invalidation
// events, and the operational endpoints (probes, metrics, JSON logs).
using PriceLookup.Caching;
using PriceLookup.Operations;
using PriceLookup.Prices;
using PriceLookup.Upstream;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddStructuredConsole();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<ServiceMetrics>();
builder.Services.AddPriceSource(builder.Configuration);
builder.Services.AddPriceCache(builder.Configuration);

var app = builder.Build();
app.UseRequestMetrics();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealth();
app.MapMetrics();
app.MapPrices();
app.MapInvalidations();

app.Run();
