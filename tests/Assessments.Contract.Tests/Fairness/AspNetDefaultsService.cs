using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assessments.Contract.Tests.Fairness;

/// <summary>
/// The caching challenge's contract written the way an ASP.NET Core developer would, leaning on the
/// framework's defaults: problem details switched on, the framework's own 400/415 for a body it cannot
/// bind, its automatic 405 with Allow, and <c>TypedResults.ValidationProblem</c>. No hand-written
/// status for any of those. Runs in this process on 127.0.0.1.
/// </summary>
internal sealed partial class AspNetDefaultsService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AspNetDefaultsService(WebApplication app) => _app = app;

    public Uri Address => Loopback.AddressOf(_app.Services);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Sku();

    public static async Task<AspNetDefaultsService> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(Loopback.Listen);
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapGet("/health/live", () => TypedResults.Ok());
        app.MapGet("/health/ready", () => TypedResults.Ok());
        app.MapGet("/metrics", () => TypedResults.Text("http_requests_total 1\n", "text/plain; version=0.0.4"));
        app.MapGet("/prices/{sku}", IResult (string sku) =>
            !Sku().IsMatch(sku) ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sku"] = ["1-64 letters, digits, - or _"] })
            : sku == "SKU-1" ? TypedResults.Json(new { key = sku, version = 1, data = new { priceCents = 336 }, updatedAt = "2026-11-23T10:00:00Z" })
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such SKU"));
        app.MapPost("/invalidations", IResult (Invalidation invalidation) =>
            invalidation.Key is { } key && Sku().IsMatch(key)
                ? TypedResults.NoContent()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["1-64 letters, digits, - or _"] }));

        await app.StartAsync(cancellationToken);
        return new AspNetDefaultsService(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Invalidation(string? Key);
}
