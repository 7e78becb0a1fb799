using System.Diagnostics;

namespace Assessments.Contract.Tests.Support;

/// <summary>
/// A submission run the way a candidate runs it locally (<c>docker build</c>, <c>docker run -p</c>), but
/// published on 127.0.0.1 only and removed afterwards, image included.
/// </summary>
internal sealed class LocalRun : IAsyncDisposable
{
    private readonly string _name = "assessments-contract-local-" + Guid.NewGuid().ToString("n")[..10];

    private bool _built;
    private bool _started;

    public async Task<string> StartAsync(string submission, int port)
    {
        await DockerAsync($"build --network none -q -t {_name} {submission}");
        _built = true;
        await DockerAsync($"run -d --name {_name} -p 127.0.0.1::{port} {_name}");
        _started = true;
        var published = (await DockerAsync($"port {_name} {port}/tcp")).Split('\n')[0].Trim();
        var address = $"http://{published}/";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync(new Uri(new Uri(address), "health"))).IsSuccessStatusCode)
                {
                    return address;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the local run at {address} never became ready");
    }

    public static async Task<(int ExitCode, string Stdout)> ShellAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await DockerAsync($"rm -f {_name}");
        }

        if (_built)
        {
            await DockerAsync($"rmi -f {_name}");
        }
    }

    /// <summary>Runs the docker CLI with the classic builder; its standard output, or an exception with its error.</summary>
    public static async Task<string> DockerAsync(string arguments)
    {
        var start = new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOCKER_BUILDKIT"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {arguments} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
