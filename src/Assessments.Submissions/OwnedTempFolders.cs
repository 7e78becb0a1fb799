using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Submissions;

/// <summary>
/// The platform's own temporary folders (uploads being checked, submissions being staged, gradings'
/// archives), named after the process that made them: <c>assess-&lt;kind&gt;-&lt;pid&gt;.&lt;start&gt;-&lt;random&gt;</c>.
/// A process killed with -9 never removes its folders; the next start-up sweeps those whose owner is
/// gone, as the reaper does with containers, and spares those of processes still at work.
/// </summary>
public static partial class OwnedTempFolders
{
    public const string Upload = "upload";
    public const string Submission = "submission";
    public const string Job = "job";

    /// <summary>Folders from before owners were recorded are swept only once surely abandoned.</summary>
    private static readonly TimeSpan UnownedGrace = TimeSpan.FromHours(24);

    public static DirectoryInfo Create(string kind)
    {
        var owner = OwnerProcess.Current.Split(':');
        return Directory.CreateTempSubdirectory($"assess-{kind}-{owner[1]}.{owner[2]}-");
    }

    /// <summary>Removes the folders whose owner process is gone; returns how many.</summary>
    public static int SweepOrphans(string? tempRoot = null)
    {
        var removed = 0;
        foreach (var folder in new DirectoryInfo(tempRoot ?? Path.GetTempPath()).EnumerateDirectories("assess-*"))
        {
            if (!IsOrphan(folder))
            {
                continue;
            }

            try
            {
                folder.Delete(recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's folder, or removed meanwhile by another sweeper: nothing of ours to do.
            }
        }

        return removed;
    }

    private static bool IsOrphan(DirectoryInfo folder)
    {
        if (Named().Match(folder.Name) is not { Success: true } match)
        {
            return false;
        }

        if (!match.Groups["pid"].Success)
        {
            return DateTime.UtcNow - folder.LastWriteTimeUtc > UnownedGrace;
        }

        var pid = int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture);
        return OwnerProcess.IsDead($"{Environment.MachineName}:{pid}:{match.Groups["start"].Value}");
    }

    [GeneratedRegex(@"^assess-(?:upload|submission|job)-(?:(?<pid>\d+)\.(?<start>\d+)-)?[^-]+$")]
    private static partial Regex Named();
}
