// Starter kit for the Catalog API challenge. It builds and starts as it is; the endpoints
// below answer 501 until you implement them. Read ../brief.md for what the grader checks.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.MapPost("/products", () => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapGet("/products", () => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapGet("/products/{id}", (string id) => Results.StatusCode(StatusCodes.Status501NotImplemented));
app.MapDelete("/products/{id}", (string id) => Results.StatusCode(StatusCodes.Status501NotImplemented));

app.Run();
