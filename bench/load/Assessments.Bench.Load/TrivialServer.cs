using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assessments.Bench.Load;

/// <summary>The endpoint every tool hits: a fixed two-byte body, so the numbers measure the clients, not the server's work.</summary>
public static class TrivialServer
{
    public static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        // The count lets the benchmark check every tool's claimed request count against the server's.
        long served = 0;
        app.MapGet("/", () =>
        {
            Interlocked.Increment(ref served);
            return "ok";
        });
        app.MapGet("/served", () => Interlocked.Read(ref served).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
