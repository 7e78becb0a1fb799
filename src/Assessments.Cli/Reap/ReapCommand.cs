using System.CommandLine;
using Assessments.Runner.Docker;
using Spectre.Console;

namespace Assessments.Cli.Reap;

/// <summary>
/// <c>assess reap</c>: removes the containers, networks, volumes and images that gradings of processes
/// no longer running left behind (killed before they could clean up). Gradings under way in other
/// processes are spared; <c>--all</c> removes everything the runner labelled.
/// </summary>
internal static class ReapCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Remove everything the runner labelled, even gradings still under way in other processes, and the images kept for regrades." };
        var command = new Command("reap", "Remove what killed gradings left behind (their processes are gone); live gradings are spared.") { all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var docker = DockerConnection.Open();
            var reaper = new Reaper(docker);
            var removed = parse.GetValue(all)
                ? await reaper.RemoveAsync(gradingId: null, cancellationToken) + await reaper.RemoveImageCacheAsync(cancellationToken)
                : await reaper.RemoveOrphansAsync(cancellationToken);
            AnsiConsole.MarkupLine(removed == 0 ? "nothing left behind by earlier gradings" : $"removed {removed} leftover(s) of earlier gradings");
            return 0;
        });
        return command;
    }
}
