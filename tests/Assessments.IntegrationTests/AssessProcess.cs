using System.Diagnostics;

namespace Assessments.IntegrationTests;

/// <summary>Runs the real `assess` tool (assess.dll beside the tests) as a separate process.</summary>
internal static class AssessProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        // A grading's build alone may take minutes when the test command runs projects side by side.
        var (exit, stdout, stderr) = await RunAsync(TimeSpan.FromMinutes(10), args);
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
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Ends it rather than leave it grading after the test; what it had started is an orphan the reaper removes.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"assess {string.Join(' ', args)} did not finish within {limit.TotalMinutes:0} minutes:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
