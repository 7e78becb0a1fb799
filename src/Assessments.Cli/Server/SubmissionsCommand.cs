using System.CommandLine;
using Assessments.Client;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary><c>assess submissions</c>: an interviewer's list of submissions, newest first, with the API's filters.</summary>
internal static class SubmissionsCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var challenge = new Option<string?>("--challenge", "-c") { Description = "Only this challenge (an id)." };
        var level = new Option<string?>("--level") { Description = "Only this final level: not-yet, junior, engineer-ii or senior (an override counts over the rubric's)." };
        var state = new Option<string?>("--state") { Description = "Only gradings in this state: queued, running, finished or failed." };
        level.AcceptOnlyFromAmong("not-yet", "junior", "engineer-ii", "senior");
        state.AcceptOnlyFromAmong(SubmissionStates.Queued, SubmissionStates.Running, SubmissionStates.Finished, SubmissionStates.Failed);
        var command = new Command("submissions", "List submissions, newest first (interviewer or admin token).") { challenge, level, state };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var list = await connection.Open(result).ListSubmissionsAsync(result.GetValue(challenge), result.GetValue(state), result.GetValue(level), cancellationToken);
            if (list.Count == 0)
            {
                AnsiConsole.MarkupLine("No submission matches.");
                return 0;
            }

            Print(list);
            AnsiConsole.MarkupLine($"{list.Count} submission(s). Details: assess status <id>; report: assess report <id> --out <folder>.");
            return 0;
        }));
        return command;
    }

    public static void Print(IReadOnlyList<SubmissionSummary> submissions)
    {
        // Ids and levels are copied into the next command: they never wrap.
        var table = new Table()
            .AddColumn(new TableColumn("submission").NoWrap())
            .AddColumns("submitted", "who", "challenge", "state", "result")
            .AddColumn(new TableColumn("level").NoWrap())
            .AddColumn("score");
        foreach (var s in submissions)
        {
            var who = s.CandidateName ?? (s.Kind == "calibration" ? "reference solution" : "-");
            table.AddRow(
                s.Id.ToString(),
                s.SubmittedAt.ToString("u"),
                Markup.Escape(who),
                Markup.Escape(s.ChallengeId),
                s.State,
                s.ReportStatus ?? "-",
                Markup.Escape(LevelText(s)),
                s.Score?.ToString() ?? "-");
        }

        AnsiConsole.Write(table);
    }

    /// <summary>One submission as an interviewer sees it, a line per fact.</summary>
    public static void PrintOne(SubmissionSummary s)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("submission", s.Id.ToString());
        grid.AddRow("who", Markup.Escape(s.CandidateName ?? (s.Kind == "calibration" ? "reference solution" : "-")));
        grid.AddRow("challenge", Markup.Escape(s.ChallengeId));
        grid.AddRow("state", $"{s.State} (attempt {s.Attempts}){(s.ReportStatus is { } r ? $", {r}" : string.Empty)}");
        grid.AddRow("level", Markup.Escape(LevelText(s)));
        if (s.OverrideLevel is not null)
        {
            grid.AddRow("override", Markup.Escape($"by {s.OverrideBy ?? "an interviewer"}: {s.OverrideReason}"));
        }

        grid.AddRow("score", s.Score?.ToString() ?? "-");
        grid.AddRow("submitted", s.SubmittedAt.ToString("u"));
        grid.AddRow("finished", s.FinishedAt?.ToString("u") ?? "-");
        AnsiConsole.Write(grid);
    }

    /// <summary>The final level, and the rubric's when an interviewer overrode it.</summary>
    public static string LevelText(SubmissionSummary s) => s.OverrideLevel is { } over
        ? $"{over} (overridden; rubric {s.Level ?? "-"})"
        : s.Level ?? "-";
}
