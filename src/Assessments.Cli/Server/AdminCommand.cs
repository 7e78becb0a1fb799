using System.CommandLine;
using Assessments.Client;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary><c>assess admin</c>: invitations, users, calibration runs and dead letters on the platform server.</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var command = new Command("admin", "Administer the platform server: invite, add users, calibrate, dead letters, reindex similarity.");
        command.Subcommands.Add(Invite());
        command.Subcommands.Add(AddUser());
        command.Subcommands.Add(Calibrate());
        command.Subcommands.Add(DeadLetters());
        command.Subcommands.Add(Retry());
        command.Subcommands.Add(ReindexSimilarityCommand.Create());
        return command;
    }

    private static Command Invite()
    {
        var connection = new ServerConnection();
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "The candidate's name.", Required = true };
        var hours = new Option<int?>("--hours") { Description = "How long the invite token works (server default when left out)." };
        var command = new Command("invite", "Invite a candidate to a challenge and print the link to send them (and the token).") { challenge, candidate, hours };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var invitation = await connection.Open(result).CreateInvitationAsync(
                new CreateInvitationRequest(result.GetValue(challenge)!, result.GetValue(candidate)!, result.GetValue(hours)), cancellationToken);
            AnsiConsole.MarkupLine($"Invitation {invitation.Id} for {Markup.Escape(invitation.CandidateName)} expires {invitation.ExpiresAt:u}.");
            AnsiConsole.MarkupLine("Send the candidate this link (it holds the token, shown once):");
            Console.WriteLine(new Uri(connection.ServerAddress(result), $"/invite/{Uri.EscapeDataString(invitation.Token)}"));
            AnsiConsole.MarkupLine("Token, for the command line (assess submit --token …):");
            Console.WriteLine(invitation.Token);
            return 0;
        }));
        return command;
    }

    private static Command AddUser()
    {
        var connection = new ServerConnection();
        var name = new Option<string>("--name") { Description = "The user's name.", Required = true };
        var role = new Option<string>("--role") { Description = "admin or interviewer.", DefaultValueFactory = _ => Roles.Interviewer };
        var command = new Command("add-user", "Create an admin or interviewer and print their token.") { name, role };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var user = await connection.Open(result).CreateUserAsync(new CreateUserRequest(result.GetValue(name)!, result.GetValue(role)!), cancellationToken);
            AnsiConsole.MarkupLine($"User {Markup.Escape(user.Name)} ({user.Role}) created. Token (shown once):");
            Console.WriteLine(user.Token);
            return 0;
        }));
        return command;
    }

    private static Command Calibrate()
    {
        var connection = new ServerConnection();
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id.", Required = true };
        var command = new Command("calibrate", "Queue a challenge's reference solutions and wait for expected against given levels.") { challenge };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var api = connection.Open(result);
            var run = await api.StartCalibrationAsync(result.GetValue(challenge)!, cancellationToken);
            while (!run.Finished)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                run = await api.GetCalibrationAsync(run.Id, cancellationToken);
            }

            var table = new Table().AddColumns("reference", "expected", "given", "agrees");
            foreach (var entry in run.Entries)
            {
                table.AddRow(entry.Reference, entry.ExpectedLevel, entry.GivenLevel ?? entry.State, entry.Agrees == true ? "[green]yes[/]" : "[red]no[/]");
            }

            AnsiConsole.Write(table);
            return run.AllAgree ? 0 : 1;
        }));
        return command;
    }

    private static Command DeadLetters()
    {
        var connection = new ServerConnection();
        var command = new Command("dead-letters", "List gradings the platform gave up on after its retries.");
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var table = new Table().AddColumns("job", "submission", "challenge", "attempts", "last error");
            foreach (var letter in await connection.Open(result).ListDeadLettersAsync(cancellationToken))
            {
                table.AddRow(letter.JobId.ToString(), letter.SubmissionId.ToString(), letter.ChallengeId, letter.Attempts.ToString(), Markup.Escape(letter.LastError ?? "-"));
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Retry()
    {
        var connection = new ServerConnection();
        var job = new Argument<Guid>("job") { Description = "The dead-lettered job's id." };
        var command = new Command("retry", "Queue a dead-lettered grading again.") { job };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var submission = await connection.Open(result).RetryDeadLetterAsync(result.GetValue(job), cancellationToken);
            AnsiConsole.MarkupLine($"Submission {submission.Id} is {submission.State} again.");
            return 0;
        }));
        return command;
    }
}
