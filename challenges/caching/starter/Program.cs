// Starter kit for the Price Lookup challenge. It builds and starts as it is; the price endpoints
// answer 501 until you implement them. Read ../brief.md for what the grader checks.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The pricing upstream; the grader sets UPSTREAM_URL (http://upstream:8080).
var upstream = new Uri(builder.Configuration["UPSTREAM_URL"] ?? "http://localhost:9000");
app.Logger.LogInformation("Upstream at {Upstream}", upstream);

app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
app.MapGet("/health/ready", () => Results.Ok(new { status = "ready" }));

app.MapGet("/prices/{sku}", (string sku) => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapPost("/invalidations", () => Results.StatusCode(StatusCodes.Status501NotImplemented));

app.Run();
