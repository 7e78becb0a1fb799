using System.CommandLine;
using Assessments.Client;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary>
/// <c>assess report</c>: with an interviewer's token, writes the whole report (report.json, report.html)
/// into a folder; with <c>--feedback</c> and a candidate's token, prints the candidate-visible feedback.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var id = new Argument<Guid>("id") { Description = "The submission id." };
        var output = new Option<string>("--out", "-o") { Description = "Folder for report.json and report.html.", DefaultValueFactory = _ => "." };
        var feedback = new Option<bool>("--feedback") { Description = "Print the candidate-visible feedback (candidate token)." };
        var command = new Command("report", "Fetch a graded report from the platform server.") { id, output, feedback };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var api = connection.Open(result);
            var submission = result.GetValue(id);
            if (result.GetValue(feedback))
            {
                Print(await api.GetFeedbackAsync(submission, cancellationToken));
                return 0;
            }

            var folder = result.GetValue(output)!;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), await api.GetReportJsonAsync(submission, cancellationToken), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), await api.GetReportHtmlAsync(submission, cancellationToken), cancellationToken);
            var summary = await api.GetSubmissionAsync(submission, cancellationToken);
            AnsiConsole.MarkupLine($"{summary.ReportStatus}, level [bold]{Markup.Escape(summary.OverrideLevel ?? summary.Level ?? "-")}[/], score {summary.Score}: wrote {Markup.Escape(Path.Combine(folder, "report.json"))} and report.html");
            if (summary.OverrideLevel is { } over)
            {
                var by = summary.OverrideBy is { } who ? $" by {who}" : string.Empty;
                AnsiConsole.MarkupLine(Markup.Escape($"The level was overridden{by}: {over} instead of the rubric's {summary.Level ?? "-"}, because: {summary.OverrideReason}"));
            }
            return 0;
        }));
        return command;
    }

    private static void Print(CandidateFeedback feedback)
    {
        AnsiConsole.MarkupLine($"State: {feedback.State}, result: {feedback.ReportStatus ?? "-"}");
        var table = new Table().AddColumns("check", "passed", "summary");
        foreach (var check in feedback.Checks)
        {
            table.AddRow(Markup.Escape(check.Title), check.Passed ? "[green]yes[/]" : "[red]no[/]", Markup.Escape(check.Summary));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Hidden checks: {feedback.HiddenChecksPassed} of {feedback.HiddenChecks} passed.");
        if (feedback.Failure is { } failure)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failure.Kind)}[/] in {Markup.Escape(failure.Phase)}: {Markup.Escape(failure.Message)}");
        }
    }
}
