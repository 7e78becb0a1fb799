// Reference solution (expected level: engineer-ii). IMemoryCache with a size limit and a 5 second
// expiry, a lock per SKU so that concurrent misses make one upstream call, a 2 second upstream
// timeout and problem+json errors. It does not fall back to expired prices when the upstream fails,
// and it has no metrics endpoint.
using Prices.Api;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole();

builder.Services.AddProblemDetails();
builder.Services.AddMemoryCache(options => options.SizeLimit = 500);
builder.Services.AddSingleton<SkuLocks>();
builder.Services.AddScoped<PriceService>();
builder.Services.AddHttpClient<UpstreamClient>(client =>
{
    client.BaseAddress = new Uri(builder.Configuration["UPSTREAM_URL"] ?? "http://localhost:5000");
    client.Timeout = TimeSpan.FromSeconds(2);
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/health/live", () => Results.Ok(new { status = "Healthy" }));
app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));
app.MapPriceEndpoints();

app.Run();
