using System.CommandLine;
using Assessments.Domain.Challenges.Loading;
using Spectre.Console;

namespace Assessments.Cli.Validate;

/// <summary><c>assess validate</c>: every problem in a challenge folder, each with its file and place; exit 1 when any.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("challenge") { Description = "Challenge folder (or id) to check." };
        var command = new Command("validate", "Check a challenge folder: spec files, cross-references, starter kit and references.") { directory };
        command.SetAction(result => Run(result.GetValue(directory)!));
        return command;
    }

    private static int Run(string challengeArg)
    {
        string path;
        try
        {
            path = ChallengeLocator.Resolve(challengeArg);
        }
        catch (DirectoryNotFoundException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 1;
        }

        var (challenge, problems) = ChallengeLoader.Validate(path);
        if (problems.Count == 0 && challenge is not null)
        {
            AnsiConsole.MarkupLine($"[green]ok[/] {Markup.Escape(challenge.Id)} v{Markup.Escape(challenge.Version)}: {challenge.Scenarios.Count} scenarios, {challenge.Rubric.Criteria.Count} criteria, {challenge.References.Count} references, {challenge.Samples.Count} samples");
            return 0;
        }

        AnsiConsole.MarkupLine($"[red]{problems.Count} problem(s)[/] in {Markup.Escape(path)}:");
        foreach (var problem in problems)
        {
            AnsiConsole.MarkupLine($"  [red]✘[/] {Markup.Escape(problem.ToString())}");
        }

        return 1;
    }
}
