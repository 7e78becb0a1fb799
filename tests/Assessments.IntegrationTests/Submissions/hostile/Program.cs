// A deliberately hostile submission for the red-team suite. `behaviour.txt`, written by the test
// into the submission before it is graded, chooses what it does; each behaviour is something a
// real submission could do to the runner or the host, and the grader must end it as a graded outcome.
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

var words = (File.Exists("behaviour.txt") ? File.ReadAllText("behaviour.txt") : "none").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var behaviour = words.FirstOrDefault() ?? "none";
Console.WriteLine($"hostile submission: {behaviour}");

switch (behaviour)
{
    case "exits-at-once":
        return 7;
    case "never-listens":
        Thread.Sleep(Timeout.Infinite);
        break;
    case "busy-loop":
        var spin = 0L;
        while (true)
        {
            spin++;
        }

    case "memory-bomb":
        // Native memory, outside the GC's own limit, so that it is the kernel that stops it.
        unsafe
        {
            while (true)
            {
                var block = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc(64 * 1024 * 1024);
                new Span<byte>(block, 64 * 1024 * 1024).Fill(1); // touch every page, or the kernel never commits it
            }
        }

    case "disk-fill":
        Console.WriteLine(TryWrite("/app/planted", 1) ? "disk-fill: wrote into the root file system" : "disk-fill: root file system refused the write");
        var written = 0;
        while (TryWrite($"/tmp/fill-{written}", 4 * 1024 * 1024))
        {
            written++;
        }

        Console.WriteLine($"disk-fill: /tmp full after {written * 4} MB");
        break;
    case "reach-host":
        Console.WriteLine($"reach-host: {Connect(words[1])}");
        Console.WriteLine(File.Exists("/var/run/docker.sock") || Directory.Exists("/var/run/docker.sock") ? "reach-host: docker socket PRESENT" : "reach-host: docker socket absent");
        break;
    case "log-flood":
        // About 1 GB of output, far past the log driver's cap; the service keeps serving meanwhile.
        new Thread(() =>
        {
            var line = new string('x', 1000);
            for (var i = 0; i < 1_000_000; i++)
            {
                Console.Out.WriteLine(line);
            }
        }) { IsBackground = true }.Start();
        break;
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (behaviour == "wrong-port")
{
    builder.WebHost.UseUrls("http://0.0.0.0:5000");
}
else if (behaviour == "loopback-only")
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

var app = builder.Build();
var requests = 0;
app.Use(async (context, next) =>
{
    // Dies in the middle of being graded, once the checks are under way.
    if (behaviour == "crash-mid-checks" && Interlocked.Increment(ref requests) == 4)
    {
        Console.Error.WriteLine("crash-mid-checks: giving up now");
        Environment.FailFast("crash-mid-checks"); // Environment.Exit would wait for this very request
    }

    if (behaviour == "fork-bomb" && context.Request.Path.StartsWithSegments("/products") && Interlocked.Increment(ref requests) == 1)
    {
        Process.Start("bash", ["-c", "b(){ b|b& }; b"]);
        Console.WriteLine("fork-bomb: started");
        await Task.Delay(2000);
    }

    await next();
});

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapPost("/products", async (HttpContext context) =>
{
    if (behaviour == "endless-response")
    {
        context.Response.StatusCode = 201;
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await context.Response.WriteAsync("{\"drip\":1}\n", context.RequestAborted);
            await Task.Delay(100, context.RequestAborted);
        }

        return;
    }

    if (behaviour == "huge-response")
    {
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        var chunk = new string('y', 1024 * 1024);
        for (var i = 0; i < 50; i++)
        {
            await context.Response.WriteAsync(chunk, context.RequestAborted);
        }

        return;
    }

    context.Response.StatusCode = 501;
});

app.Run();
return 0;

static bool TryWrite(string path, int bytes)
{
    try
    {
        File.WriteAllBytes(path, new byte[bytes]);
        return true;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        return false;
    }
}

// Tries the host at this network's gateway address (the bridge's .1) on the test's listener port.
static string Connect(string port)
{
    var own = NetworkInterface.GetAllNetworkInterfaces()
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .First(a => a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address));
    var bytes = own.Address.GetAddressBytes();
    var mask = own.IPv4Mask.GetAddressBytes();
    var gateway = new IPAddress(bytes.Select((b, i) => (byte)(b & mask[i])).ToArray()) is var network
        ? new IPAddress(network.GetAddressBytes().Select((b, i) => i == 3 ? (byte)(b + 1) : b).ToArray())
        : own.Address;
    try
    {
        using var client = new TcpClient();
        client.ConnectAsync(gateway, int.Parse(port)).Wait(TimeSpan.FromSeconds(3));
        return client.Connected ? $"connected to {gateway}:{port}" : $"{gateway}:{port} failed: no answer within 3 s";
    }
    catch (AggregateException e)
    {
        return $"{gateway}:{port} failed: {e.InnerException?.Message}";
    }
}
