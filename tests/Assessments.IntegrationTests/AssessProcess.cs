using System.Diagnostics;

namespace Assessments.IntegrationTests;

/// <summary>Runs the real `assess` tool (assess.dll beside the tests) as a separate process.</summary>
internal static class AssessProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(TimeSpan.FromMinutes(5), args);
        return (exit, stdout + stderr);
    }

    /// <summary>Runs it with its own time limit, keeping stdout (what a <c>--json</c> command prints) apart from stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assess.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
