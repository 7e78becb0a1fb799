using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assessments.Load.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port, whose latency and stalls the test controls.
/// A stall holds every request that arrives during it until it ends, like a long GC pause.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private Task _stall = Task.CompletedTask;

    private TestServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<TestServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestServer(app);
        app.Use(async (context, next) =>
        {
            await server._stall;
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
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Every request arriving from now until <paramref name="length"/> has passed waits for the stall to end.</summary>
    public void Stall(TimeSpan length) => _stall = Task.Delay(length);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
