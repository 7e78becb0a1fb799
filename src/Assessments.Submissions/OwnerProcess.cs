using System.Globalization;

namespace Assessments.Submissions;

/// <summary>
/// Which process on which machine created a temporary folder (<see cref="OwnedTempFolders"/>) or a
/// container, network, image or volume (the runner's Docker labels). Several runners (and test runs)
/// share one Docker engine and one temp folder; a sweep or a reaper must remove only what a dead process
/// left behind, never what a grading still under way in another process holds.
/// </summary>
public static class OwnerProcess
{
    /// <summary>
    /// <c>machine:pid:start</c>. The start time (clock ticks since boot, from /proc) tells a live process
    /// from a later one that was given the same pid.
    /// </summary>
    public static string Current { get; } = Describe(Environment.ProcessId);

    /// <summary>True when the owner ran on this machine and that process is gone.</summary>
    public static bool IsDead(string? owner)
    {
        if (string.IsNullOrEmpty(owner))
        {
            // Resources of runners from before owners were recorded: nobody alive can claim them.
            return true;
        }

        var parts = owner.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid))
        {
            // Another machine's runner (a shared engine): only that machine can tell whether it lives.
            return false;
        }

        return Describe(pid) != owner;
    }

    private static string Describe(int pid) => $"{Environment.MachineName}:{pid}:{StartTicks(pid)}";

    private static string StartTicks(int pid)
    {
        try
        {
            // Field 22 of /proc/<pid>/stat, counted after the parenthesised command name (which may hold spaces).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return "gone";
        }
        catch (UnauthorizedAccessException)
        {
            return "gone";
        }
    }
}
