using System.CommandLine;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary>
/// <c>assess admin reindex-similarity --challenge id</c>: rebuilds a challenge's similarity index on the
/// server from its stored submissions (after the algorithm's version or the starter kit changed).
/// </summary>
internal static class ReindexSimilarityCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id.", Required = true };
        var command = new Command("reindex-similarity", "Rebuild a challenge's similarity index from its graded submissions.") { challenge };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var done = await connection.Open(result).ReindexSimilarityAsync(result.GetValue(challenge)!, cancellationToken);
            AnsiConsole.MarkupLine($"Rebuilt {Markup.Escape(done.ChallengeId)} with {Markup.Escape(done.AlgorithmVersion)}: {done.Submissions} submissions, {done.References} references, {done.Pairs} flagged pairs, {done.Seconds:0.0} s.");
            foreach (var skipped in done.Skipped)
            {
                AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped)}");
            }

            return 0;
        }));
        return command;
    }
}
