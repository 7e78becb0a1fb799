using System.CommandLine;
using System.Text.Json;
using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Submissions.Sandbox;
using Spectre.Console;

namespace Assessments.Cli.Calibrate;

/// <summary>
/// <c>assess calibrate</c>: grades every reference solution (of one challenge, or of all) and prints
/// expected against given level; exit 1 on any disagreement. <c>--level</c> and <c>--reference</c>
/// pick some of them (a level in every language, or references by name, e.g. <c>senior-go</c>).
/// <c>--repeat</c> grades each several times (is the level stable?), <c>--cpus</c> gives the services
/// only part of a CPU (does the level hold on a slower machine?), <c>--json</c> prints the results as
/// JSON on stdout, <c>--at-once</c> grades several side by side where nothing is measured.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id or folder, or 'all'.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where the reference reports go.", DefaultValueFactory = _ => "out/calibration" };
        var only = new Option<string[]>("--level") { Description = "Only the references of these levels (e.g. --level senior --level engineer-ii), in every language listed.", AllowMultipleArgumentsPerToken = true };
        var named = new Option<string[]>("--reference") { Description = "Only these references, named as their report folders are (e.g. --reference senior for the primary seniors alone, --reference senior-go).", AllowMultipleArgumentsPerToken = true };
        var repeat = new Option<int>("--repeat") { Description = "Grade each reference this many times.", DefaultValueFactory = _ => 1 };
        var cpus = new Option<double?>("--cpus") { Description = "CPU quota of every service (and of the baselines measured for it), e.g. 0.5 for half a CPU." };
        var json = new Option<bool>("--json") { Description = "Print the results as a JSON array on stdout (progress goes to stderr)." };
        var atOnce = BatchGrading.AtOnceOption();
        var command = new Command("calibrate", "Grade a challenge's reference solutions and compare the given levels with the expected ones.")
        {
            challenge, output, only, named, repeat, cpus, json, atOnce,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(json))
            {
                AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            }

            try
            {
                var times = result.GetValue(repeat);
                if (times is < 1 or > 20)
                {
                    throw new ArgumentException("--repeat must be between 1 and 20");
                }

                if (result.GetValue(cpus) is { } quota && quota is <= 0.05 or > 64)
                {
                    throw new ArgumentException("--cpus must be more than 0.05 and at most 64");
                }

                var items = Items(result.GetValue(challenge)!, result.GetValue(only) ?? [], result.GetValue(named) ?? [], times);
                var limits = SandboxLimits.Default with { RunCpus = result.GetValue(cpus) };
                var results = await BatchGrading.RunAsync(items, result.GetValue(output)!, limits, cancellationToken, BatchGrading.AtOnce(result, atOnce, SideBySide(result.GetValue(cpus))));
                if (results is null)
                {
                    return 2;
                }

                if (result.GetValue(json))
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(results.Select(ToJson), JsonOptions));
                }

                var mismatches = results.Count(r => !r.Matches);
                AnsiConsole.MarkupLine(mismatches == 0 ? $"[green]Every reference got its expected level ({results.Count} of {results.Count}).[/]" : $"[red]{mismatches} of {results.Count} reference grading(s) did not get their expected level.[/]");
                return mismatches == 0 ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidChallengeException or DirectoryNotFoundException or ArgumentException)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// One at a time for a service on part of a CPU unless asked otherwise: there a neighbour's work
    /// costs the service a larger share of what it has (once seen to cost the caching senior its level
    /// at half a CPU, graded two at a time inside the test command).
    /// </summary>
    private static int SideBySide(double? cpus) => cpus is null ? BatchGrading.DefaultAtOnce : 1;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static List<BatchItem> Items(string challenge, IReadOnlyCollection<string> levels, IReadOnlyCollection<string> names, int times)
    {
        var folders = challenge == "all"
            ? ChallengeLocator.Roots().Take(1).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal).ToList()
            : [ChallengeLocator.Resolve(challenge)];
        foreach (var level in levels)
        {
            if (!LevelNames.TryParse(level, out _))
            {
                throw new ArgumentException($"--level '{level}' is not a level (not-yet, junior, engineer-ii, senior)");
            }
        }

        var items = new List<BatchItem>();
        foreach (var loaded in folders.Select(ChallengeLoader.Load))
        {
            var references = loaded.References.Where(r => (levels.Count == 0 || levels.Contains(r.ExpectedLevel.ToName())) && (names.Count == 0 || names.Contains(r.Slug)));
            foreach (var reference in references)
            {
                for (var run = 1; run <= times; run++)
                {
                    var name = $"reference-{reference.Slug}" + (times > 1 ? $"-run{run}" : string.Empty);
                    items.Add(new BatchItem(loaded, name, reference.Directory, reference.ExpectedLevel.ToName()));
                }
            }
        }

        if (items.Count == 0)
        {
            throw new ArgumentException("no reference matches the --level and --reference given");
        }

        return items;
    }

    private static CalibrationResult ToJson(BatchResult result) => new(
        result.Item.Challenge.Id,
        result.Item.Name,
        result.Item.Expected,
        result.Report.Status == ReportStatus.Graded ? result.Report.Level.ToName() : result.Report.Status.ToName(),
        result.Report.Score,
        result.Report.Status.ToName(),
        result.Matches,
        Path.GetFullPath(Path.Combine(result.ReportFolder, "report.json")));

    /// <summary>One line of the <c>--json</c> output.</summary>
    private sealed record CalibrationResult(string Challenge, string Solution, string Expected, string Given, int Score, string Status, bool Matches, string Report);
}
