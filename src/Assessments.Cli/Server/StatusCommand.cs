using System.CommandLine;
using System.Net;
using Assessments.Client;
using Refit;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary>
/// <c>assess status</c>: where a submission's grading is. A candidate sees their own submissions; an
/// interviewer or admin any submission, with its level (and an override).
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var id = new Argument<Guid>("id") { Description = "The submission id that `assess submit` or `assess submissions` printed." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the grading has finished." };
        var command = new Command("status", "Show where a submission's grading is (candidate or interviewer token).") { id, wait };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var api = connection.Open(result);
            var submission = result.GetValue(id);
            if (await StaffViewAsync(api, submission, cancellationToken) is { } staff)
            {
                if (result.GetValue(wait))
                {
                    staff = await AnsiConsole.Status().StartAsync("waiting for the grading", async context =>
                    {
                        while (staff.State is not (SubmissionStates.Finished or SubmissionStates.Failed))
                        {
                            context.Status($"grading is {staff.State}");
                            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                            staff = await api.GetSubmissionAsync(submission, cancellationToken);
                        }

                        return staff;
                    });
                }

                SubmissionsCommand.PrintOne(staff);
                return 0;
            }

            var status = result.GetValue(wait) ? await WaitAsync(api, submission, cancellationToken) : await api.GetMySubmissionAsync(submission, cancellationToken);
            Print(status);
            return 0;
        }));
        return command;
    }

    /// <summary>The interviewer's view, or null when this token is a candidate's (the staff endpoint answers 403).</summary>
    private static async Task<SubmissionSummary?> StaffViewAsync(IAssessmentsApi api, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetSubmissionAsync(id, cancellationToken);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            return null;
        }
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
