using System.Text.Json;

namespace Assessments.IntegrationTests.Calibration;

/// <summary>One line of <c>assess calibrate --json</c>.</summary>
public sealed record CalibrationResult(string Challenge, string Solution, string Expected, string Given, int Score, string Status, bool Matches, string Report);

/// <summary>Runs <c>assess calibrate … --json</c> as a separate process and reads what it printed.</summary>
internal static class CalibrationRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<CalibrationResult>> RunAsync(params string[] options)
    {
        var output = Path.Combine(Path.GetTempPath(), "assess-calibration-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            var (exit, stdout, stderr) = await AssessProcess.RunAsync(TimeSpan.FromMinutes(40), ["calibrate", "--challenge", "all", "--json", "--out", output, .. options]);
            var results = stdout.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<List<CalibrationResult>>(stdout, Json)!
                : throw new InvalidOperationException($"calibrate printed no JSON (exit {exit}):\n{stdout}\n{Tail(stderr)}");
            Assert.True(results.Count > 0, Tail(stderr));
            return results;
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>The table and progress lines, for a failure message that says what happened.</summary>
    public static string Describe(IEnumerable<CalibrationResult> results) =>
        string.Join('\n', results.Select(r => $"{r.Challenge}/{r.Solution}: expected {r.Expected}, given {r.Given} ({r.Status}, score {r.Score})"));

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}

/// <summary>The whole calibration set graded once, shared by the tests that read it.</summary>
public sealed class CalibrationFixture : IAsyncLifetime
{
    public IReadOnlyList<CalibrationResult> Results { get; private set; } = [];

    public async Task InitializeAsync() => Results = await CalibrationRun.RunAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
