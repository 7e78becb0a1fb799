using System.Text.Json;
using Assessments.Domain.Reports;
using Assessments.Reporting;

namespace Assessments.IntegrationTests.Calibration;

/// <summary>One line of <c>assess calibrate --json</c>.</summary>
public sealed record CalibrationResult(string Challenge, string Solution, string Expected, string Given, int Score, string Status, bool Matches, string Report);

/// <summary>Runs <c>assess calibrate … --json</c> as a separate process and reads what it printed.</summary>
internal static class CalibrationRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Grades and reads the results; the reports stay in <paramref name="output"/>, which the caller removes.</summary>
    public static async Task<IReadOnlyList<CalibrationResult>> RunIntoAsync(string output, params string[] options)
    {
        var (exit, stdout, stderr) = await AssessProcess.RunAsync(TimeSpan.FromMinutes(40), ["calibrate", "--challenge", "all", "--json", "--out", output, .. options]);
        var results = stdout.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<List<CalibrationResult>>(stdout, Json)!
            : throw new InvalidOperationException($"calibrate printed no JSON (exit {exit}):\n{stdout}\n{Tail(stderr)}");
        Assert.True(results.Count > 0, Tail(stderr));
        return results;
    }

    /// <summary>Grades into a folder of its own, asserts on the results while the reports are there to explain them, then removes them.</summary>
    public static async Task<IReadOnlyList<CalibrationResult>> RunAsync(Action<IReadOnlyList<CalibrationResult>> assert, params string[] options)
    {
        var output = NewOutputFolder();
        try
        {
            var results = await RunIntoAsync(output, options);
            assert(results);
            return results;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    public static string NewOutputFolder() => Directory.CreateTempSubdirectory("assess-calibration-").FullName;

    /// <summary>
    /// One line per reference, for a failure message that says what happened: a reference off its label
    /// also names the criteria that lost points and their failed checks, while its report is still there.
    /// </summary>
    public static string Describe(IEnumerable<CalibrationResult> results) =>
        string.Join('\n', results.Select(r => $"{r.Challenge}/{r.Solution}: expected {r.Expected}, given {r.Given} ({r.Status}, score {r.Score})" + (r.Matches ? string.Empty : LostPoints(r.Report))));

    private static string LostPoints(string reportPath)
    {
        if (!File.Exists(reportPath))
        {
            return string.Empty;
        }

        var report = ReportJson.Deserialize(File.ReadAllText(reportPath));
        var failed = report.Contract.Checks.Where(c => !c.Passed).ToDictionary(c => c.Id, c => c.Summary, StringComparer.Ordinal);
        var lost = report.Criteria.Where(c => c.Points < c.MaxPoints).Select(c =>
            $"\n    {c.Id} {c.Points}/{c.MaxPoints}: " + string.Join("; ", failed.Select(f => $"{f.Key}: {f.Value}").Take(3)));
        return string.Concat(lost);
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}

/// <summary>
/// The whole calibration set graded once by <c>assess calibrate</c>, shared by the tests that read its
/// results and its fifteen reports (the most expensive gradings of the suite, so nothing grades them twice).
/// </summary>
public sealed class CalibrationFixture : IAsyncLifetime
{
    private readonly string _output = CalibrationRun.NewOutputFolder();

    public IReadOnlyList<CalibrationResult> Results { get; private set; } = [];

    /// <summary>What the grading processes left on the engine once they had ended: should be nothing.</summary>
    public IReadOnlyList<string> Leftovers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Four side by side, the most the host's slots seat: most of a reference's checks wait on its
        // service (the queues junior waits out some 140 s), and every load run and every scenario that
        // judges time still runs alone with the others frozen. Two at once took about ten minutes here.
        Results = await CalibrationRun.RunIntoAsync(_output, "--at-once", "4");
        var docker = new DockerFixture();
        try
        {
            Leftovers = await docker.LeftoversAsync();
        }
        finally
        {
            await docker.DisposeAsync();
        }
    }

    /// <summary>
    /// The report of the challenge's reference named <paramref name="reference"/>: a level for its primary
    /// (C#) reference, <c>senior-go</c> and the like for one in another language.
    /// </summary>
    public GradingReport Report(string challenge, string reference) =>
        ReportJson.Deserialize(File.ReadAllText(Results.Single(r => r.Challenge == challenge && r.Solution == $"reference-{reference}").Report));

    public Task DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return Task.CompletedTask;
    }
}
