using System.CommandLine;
using System.IO.Compression;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary><c>assess submit</c>: uploads a submission (folder, .zip or .tar.gz) with a candidate's invite token; <c>--wait</c> follows it to its result.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var path = new Argument<string>("submission") { Description = "A folder (zipped before upload), a .zip or a .tar.gz." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the grading has finished and print its status." };
        var command = new Command("submit", "Upload a submission to the platform server for grading.") { path, wait };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) => ServerConnection.Run(async () =>
        {
            var api = connection.Open(result);
            var source = result.GetValue(path)!;
            await using var archive = Open(source);
            var status = await api.UploadSubmissionAsync(archive, cancellationToken);
            AnsiConsole.MarkupLine($"Submission [bold]{status.Id}[/] is {status.State}.");
            if (!result.GetValue(wait))
            {
                return 0;
            }

            status = await StatusCommand.WaitAsync(api, status.Id, cancellationToken);
            StatusCommand.Print(status);
            return 0;
        }));
        return command;
    }

    private static Stream Open(string source)
    {
        if (File.Exists(source))
        {
            return File.OpenRead(source);
        }

        if (!Directory.Exists(source))
        {
            throw new FileNotFoundException($"'{source}' is neither a file nor a folder", source);
        }

        var zipped = new MemoryStream();
        ZipFile.CreateFromDirectory(source, zipped, CompressionLevel.Optimal, includeBaseDirectory: false);
        zipped.Position = 0;
        return zipped;
    }
}
