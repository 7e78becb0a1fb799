namespace Assessments.IntegrationTests;

/// <summary>
/// The Python, Go, Node.js and Java base images, made sure of once per test run: the test command builds
/// them beside the first tests on a fresh machine, and the script waits for that build (its lock) and then
/// finds them up to date, so a test that needs them waits only as long as it must.
/// </summary>
internal static class ToolchainImages
{
    private static readonly Lazy<Task> Ready = new(EnsureOnceAsync);

    public static Task EnsureAsync() => Ready.Value;

    private static async Task EnsureOnceAsync()
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync("bash", ["scripts/ensure-toolchain-images.sh"], TimeSpan.FromMinutes(15));
        if (exit != 0)
        {
            throw new InvalidOperationException($"the toolchain images could not be made (exit {exit}):\n{stdout}\n{stderr}");
        }
    }
}
