using System.Diagnostics;

namespace Assessments.Web.Tests.Support;

/// <summary>The real `assess` tool (built by the solution build) run as a process against the test server.</summary>
public static class AssessCli
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryPaths.Root, "src", "Assessments.Cli", "bin", configuration, "net10.0", "assess.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"assess is not built: run `dotnet build src/Assessments.Cli -c {configuration}`.", path);
        }
    }

    /// <summary>Runs assess with $ASSESS_SERVER and $ASSESS_TOKEN set as given; returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(Uri server, string? token, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASSESS_SERVER"] = server.ToString().TrimEnd('/');
        start.Environment.Remove("ASSESS_TOKEN");
        if (token is not null)
        {
            start.Environment["ASSESS_TOKEN"] = token;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
