using System.Formats.Tar;
using Assessments.Submissions;

namespace Assessments.Runner.Docker;

/// <summary>The tar stream the Docker engine builds from, made only of the staged submission's files.</summary>
internal static class BuildContext
{
    // Fixed timestamps keep the context, and so the build, independent of when files were unpacked.
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static MemoryStream Create(StagedSubmission submission)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in submission.Files)
            {
                var executable = !OperatingSystem.IsWindows()
                    && (File.GetUnixFileMode(file.FullPath) & UnixFileMode.UserExecute) != 0;
                var entry = new PaxTarEntry(TarEntryType.RegularFile, file.RelativePath)
                {
                    Mode = executable
                        ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                        : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    ModificationTime = Epoch,
                    DataStream = File.OpenRead(file.FullPath),
                };
                writer.WriteEntry(entry);
                entry.DataStream.Dispose();
            }
        }

        stream.Position = 0;
        return stream;
    }
}
