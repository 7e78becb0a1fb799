// Reference solution (expected level: engineer-ii). A tidy service with a consistent error contract,
// validation, price filters and paging; it does not make creates safe to retry, has no rate limits
// and no conditional reads.
using Catalog.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<ProductStore>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/health", () => Results.Ok("healthy"));
app.MapGet("/health/ready", () => Results.Ok("ready"));
app.MapProductEndpoints();

app.Run();
