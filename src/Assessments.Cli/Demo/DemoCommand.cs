using System.CommandLine;
using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges.Loading;
using Spectre.Console;

namespace Assessments.Cli.Demo;

/// <summary>
/// <c>assess demo</c>: a first look at the product. Grades each challenge's starter kit and senior
/// reference end to end (<c>--all</c>: every bundled sample and reference solution) and prints a
/// summary table with where each report is. Exit 1 when any outcome is unexpected.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Where the reports go.", DefaultValueFactory = _ => "out/demo" };
        var only = new Option<string?>("--challenge", "-c") { Description = "Only this challenge (id or folder)." };
        var all = new Option<bool>("--all") { Description = "Every sample and reference solution, not only each challenge's starter kit and senior reference." };
        var atOnce = BatchGrading.AtOnceOption();
        var command = new Command("demo", "Grade each challenge's starter kit and senior reference (--all: every sample and reference) and print a summary.") { output, only, all, atOnce };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var folders = result.GetValue(only) is { } one
                    ? [ChallengeLocator.Resolve(one)]
                    : ChallengeLocator.Roots().Take(1).SelectMany(root => Directory.GetDirectories(root)).Order(StringComparer.Ordinal).ToList();
                var challenges = folders.Select(ChallengeLoader.Load).ToList();
                var everything = challenges.SelectMany(DemoSet.All).ToList();
                var items = result.GetValue(all) ? everything : challenges.SelectMany(DemoSet.Quick).ToList();
                if (items.Count == 0)
                {
                    AnsiConsole.MarkupLine("[red]error:[/] no challenge with samples or references was found");
                    return 1;
                }

                var outRoot = result.GetValue(output)!;
                var mismatches = await BatchGrading.RunAsync(items, outRoot, cancellationToken, BatchGrading.AtOnce(result, atOnce));
                AnsiConsole.MarkupLine($"Reports are in [bold]{Markup.Escape(Path.GetFullPath(outRoot))}[/]: open any report.html in a browser.");
                AnsiConsole.MarkupLine(mismatches == 0 ? $"[green]All {items.Count} submissions got their expected outcome.[/]" : $"[red]{mismatches} of {items.Count} submissions did not get their expected outcome.[/]");
                if (items.Count < everything.Count)
                {
                    AnsiConsole.MarkupLine($"This was the quick look ({items.Count} of {everything.Count}): [bold]assess demo --all[/] (make demo-all) also grades the samples that fail on purpose and every level of the calibration set.");
                }

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
}
