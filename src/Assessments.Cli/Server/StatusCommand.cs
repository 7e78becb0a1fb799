using System.CommandLine;
using Assessments.Client;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary><c>assess status</c>: where a submission's grading is (a candidate sees their own submissions).</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var id = new Argument<Guid>("id") { Description = "The submission id that `assess submit` printed." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the grading has finished." };
        var command = new Command("status", "Show where a submission's grading is.") { id, wait };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var api = connection.Open(result);
            var status = result.GetValue(wait)
                ? await WaitAsync(api, result.GetValue(id), cancellationToken)
                : await api.GetMySubmissionAsync(result.GetValue(id), cancellationToken);
            Print(status);
            return 0;
        }));
        return command;
    }

    public static async Task<SubmissionStatus> WaitAsync(IAssessmentsApi api, Guid id, CancellationToken cancellationToken)
    {
        return await AnsiConsole.Status().StartAsync("waiting for the grading", async context =>
        {
            while (true)
            {
                var status = await api.GetMySubmissionAsync(id, cancellationToken);
                if (status.State is SubmissionStates.Finished or SubmissionStates.Failed)
                {
                    return status;
                }

                context.Status($"grading is {status.State}");
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        });
    }

    public static void Print(SubmissionStatus status)
    {
        var table = new Table().AddColumns("submission", "challenge", "state", "result", "submitted", "finished");
        table.AddRow(status.Id.ToString(), status.ChallengeId, status.State, status.ReportStatus ?? "-", status.SubmittedAt.ToString("u"), status.FinishedAt?.ToString("u") ?? "-");
        AnsiConsole.Write(table);
    }
}
