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
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan limit, params string[] args) =>
        ExternalProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "assess.dll"), .. args], limit);
}
