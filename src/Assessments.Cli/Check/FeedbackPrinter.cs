using System.Globalization;
using Assessments.Domain.Kits;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using Spectre.Console;

namespace Assessments.Cli.Check;

/// <summary>
/// Prints a self-check as the platform's feedback shows it: the visible points, then each visible
/// check, failures first with every exchange (request, response, curl), passes on one line each.
/// </summary>
internal static class FeedbackPrinter
{
    public static void Print(GradingReport report, VisibleFeedback feedback)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Challenge.Title)}[/], visible checks: [bold]{feedback.Points} of {feedback.MaxPoints} points[/], {feedback.Checks.Count(c => c.Check.Passed)} of {feedback.Checks.Count} passed ({report.Timings.TotalMs / 1000:0} s)");
        if (report.Failure is { } failure)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failure.Phase)}: {Markup.Escape(failure.Message)}[/]{(failure.ExitCode is { } code ? $" (exit code {code})" : string.Empty)}");
            foreach (var line in failure.LogTail)
            {
                AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(line)}[/]");
            }
        }

        foreach (var check in feedback.Checks)
        {
            var points = check.MaxPoints > 0 ? $"{Points(check.Points)}/{Points(check.MaxPoints)} points" : "not scored";
            if (check.Check.Passed)
            {
                AnsiConsole.MarkupLine($"[green]PASS[/] {Markup.Escape(check.Check.Id)}: {Markup.Escape(check.Check.Title)} [grey]({points})[/]");
                continue;
            }

            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine($"[red]FAIL[/] [bold]{Markup.Escape(check.Check.Id)}[/]: {Markup.Escape(check.Check.Title)} [grey]({points})[/]");
            AnsiConsole.MarkupLine($"     {Markup.Escape(check.Check.Summary)}");
            foreach (var evidence in check.Check.Evidence)
            {
                Evidence(evidence, check.Check.Summary);
            }
        }

        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[grey]The platform runs hidden checks too (the brief's \"How it is graded\" names what they judge), and compares latency under load with a reference solution measured on its own machine.[/]");
    }

    private static void Evidence(Evidence evidence, string checkSummary)
    {
        if (evidence.Summary != checkSummary)
        {
            AnsiConsole.MarkupLine($"     [yellow]{Markup.Escape(evidence.Summary)}[/]");
        }

        if (evidence.Value is { } value)
        {
            AnsiConsole.MarkupLine($"       {value:0.##} {Markup.Escape(evidence.Unit ?? string.Empty)}");
        }

        if (evidence.Exchange is { } exchange)
        {
            Block("request", ExchangeText.Request(exchange));
            Block("response", ExchangeText.Response(exchange));
            Block("curl", exchange.Curl);
        }
        else if (evidence.Lines is { Count: > 0 } lines)
        {
            Block("log", string.Join('\n', lines));
        }
    }

    private static void Block(string label, string text)
    {
        AnsiConsole.MarkupLine($"       [grey]{label}:[/]");
        foreach (var line in text.Split('\n'))
        {
            AnsiConsole.WriteLine($"         {line}");
        }
    }

    private static string Points(double points) => points.ToString("0.#", CultureInfo.InvariantCulture);
}
