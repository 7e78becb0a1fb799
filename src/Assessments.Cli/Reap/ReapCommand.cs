using System.CommandLine;
using Assessments.Runner.Docker;
using Spectre.Console;

namespace Assessments.Cli.Reap;

/// <summary>
/// <c>assess reap</c>: removes every container, network and image the runner labelled, left behind by
/// gradings that were killed before they could clean up. Run at start-up, when no grading is running.
/// </summary>
internal static class ReapCommand
{
    public static Command Create()
    {
        var command = new Command("reap", "Remove what killed gradings left behind (everything labelled by the runner). Run it when no grading is under way.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var docker = DockerConnection.Open();
            var removed = await new Reaper(docker).RemoveAsync(gradingId: null, cancellationToken);
            AnsiConsole.MarkupLine(removed == 0 ? "nothing left behind by earlier gradings" : $"removed {removed} leftover(s) of earlier gradings");
            return 0;
        });
        return command;
    }
}
