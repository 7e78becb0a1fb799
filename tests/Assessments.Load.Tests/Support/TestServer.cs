using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Assessments.Load.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port, whose latency and stalls the test controls.
/// A stall holds every request that arrives during it until it ends, like a long GC pause.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _stallFrom = long.MaxValue;
    private long _stallUntil = long.MinValue;

    private TestServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<TestServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(Loopback.Listen);
        var app = builder.Build();
        var server = new TestServer(app);
        app.Use(async (context, next) =>
        {
            // Judged by the clock on arrival, so the stall does not depend on when a test's own continuation runs.
            var now = Stopwatch.GetTimestamp();
            var until = Volatile.Read(ref server._stallUntil);
            if (now >= Volatile.Read(ref server._stallFrom) && now < until)
            {
                await Task.Delay(Stopwatch.GetElapsedTime(now, until));
            }

            await next(context);
        });
        app.MapGet("/ok", () => "ok");
        app.MapGet("/delay/{ms:int}", async (int ms, CancellationToken ct) =>
        {
            await Task.Delay(ms, ct);
            return "ok";
        });
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/json", () => Results.Json(new { id = 7, name = "widget" }));
        app.MapGet("/big", () => Results.Bytes(new byte[64 * 1024], "application/octet-stream"));
        await app.StartAsync(cancellationToken);
        server.BaseAddress = Loopback.AddressOf(app.Services);
        return server;
    }

    /// <summary>Every request arriving between <paramref name="after"/> from now and the end of the stall waits for that end.</summary>
    public void ScheduleStall(TimeSpan after, TimeSpan length)
    {
        var from = Stopwatch.GetTimestamp() + (long)(after.TotalSeconds * Stopwatch.Frequency);
        Volatile.Write(ref _stallUntil, from + (long)(length.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref _stallFrom, from);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
