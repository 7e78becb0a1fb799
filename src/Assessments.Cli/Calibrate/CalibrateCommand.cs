using System.CommandLine;
using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scoring;
using Spectre.Console;

namespace Assessments.Cli.Calibrate;

/// <summary><c>assess calibrate</c>: grades every reference solution and prints expected against given level; exit 1 on any disagreement.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id or folder.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where the reference reports go.", DefaultValueFactory = _ => "out/calibration" };
        var command = new Command("calibrate", "Grade a challenge's reference solutions and compare the given levels with the expected ones.") { challenge, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var loaded = ChallengeLoader.Load(ChallengeLocator.Resolve(result.GetValue(challenge)!));
                var items = loaded.References
                    .Select(r => new BatchItem(loaded, $"reference-{r.ExpectedLevel.ToName()}", r.Directory, r.ExpectedLevel.ToName()))
                    .ToList();
                var mismatches = await BatchGrading.RunAsync(items, result.GetValue(output)!, cancellationToken);
                AnsiConsole.MarkupLine(mismatches == 0 ? "[green]Every reference got its expected level.[/]" : $"[red]{mismatches} reference(s) did not get their expected level.[/]");
                return mismatches == 0 ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidChallengeException or DirectoryNotFoundException)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 1;
            }
        });
        return command;
    }
}
