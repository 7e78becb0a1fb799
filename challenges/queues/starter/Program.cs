// Starter kit for the Payment Jobs challenge. It builds and starts as it is; the job endpoints
// answer 501 until you implement them. Read ../brief.md for what the grader checks.
//
// Environment: DATA_DIR is the only writable directory that survives a restart; UPSTREAM_URL is the
// payments provider's base address.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/health/live", () => Results.Ok(new { status = "alive" }));
app.MapGet("/health/ready", () => Results.Ok(new { status = "ready" }));

app.MapPost("/jobs", () => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapGet("/jobs", () => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapGet("/jobs/{id}", (string id) => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapGet("/dead-letters", () => Results.StatusCode(StatusCodes.Status501NotImplemented));

app.Run();
