using System.CommandLine;
using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scoring;
using Spectre.Console;

namespace Assessments.Cli.Demo;

/// <summary>
/// <c>assess demo</c>: grades every bundled sample and reference solution of every challenge end to
/// end and prints a summary table with where each report is. Exit 1 when any outcome is unexpected.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Where the reports go.", DefaultValueFactory = _ => "out/demo" };
        var only = new Option<string?>("--challenge", "-c") { Description = "Only this challenge (id or folder)." };
        var command = new Command("demo", "Grade the bundled sample submissions of every challenge and print a summary.") { output, only };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var folders = result.GetValue(only) is { } one
                    ? [ChallengeLocator.Resolve(one)]
                    : ChallengeLocator.Roots().Take(1).SelectMany(root => Directory.GetDirectories(root)).Order(StringComparer.Ordinal).ToList();
                var items = new List<BatchItem>();
                foreach (var challenge in folders.Select(ChallengeLoader.Load))
                {
                    items.AddRange(challenge.Samples.Select(s => new BatchItem(challenge, s.Name, s.Directory, s.Expected)));
                    items.AddRange(challenge.References.Select(r => new BatchItem(challenge, $"reference-{r.ExpectedLevel.ToName()}", r.Directory, r.ExpectedLevel.ToName())));
                }

                if (items.Count == 0)
                {
                    AnsiConsole.MarkupLine("[red]error:[/] no challenge with samples or references was found");
                    return 1;
                }

                var outRoot = result.GetValue(output)!;
                var mismatches = await BatchGrading.RunAsync(items, outRoot, cancellationToken);
                AnsiConsole.MarkupLine($"Reports are in [bold]{Markup.Escape(Path.GetFullPath(outRoot))}[/]: open any report.html in a browser.");
                AnsiConsole.MarkupLine(mismatches == 0 ? $"[green]All {items.Count} submissions got their expected outcome.[/]" : $"[red]{mismatches} of {items.Count} submissions did not get their expected outcome.[/]");
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
