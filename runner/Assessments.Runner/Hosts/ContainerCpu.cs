using System.Globalization;

namespace Assessments.Runner.Hosts;

/// <summary>
/// A container's CPU time as its cgroup counts it, read straight from the file system: faster than
/// the engine's stats call (which samples over a second) and exact at the start and end of a run.
/// </summary>
internal static class ContainerCpu
{
    /// <summary>The file that holds the container's CPU time (cgroup v1 or v2, either driver); null when none is readable.</summary>
    public static string? UsageFile(string containerId)
    {
        string[] candidates =
        [
            $"/sys/fs/cgroup/cpuacct/docker/{containerId}/cpuacct.usage",
            $"/sys/fs/cgroup/cpu,cpuacct/docker/{containerId}/cpuacct.usage",
            $"/sys/fs/cgroup/cpuacct/system.slice/docker-{containerId}.scope/cpuacct.usage",
            $"/sys/fs/cgroup/docker/{containerId}/cpu.stat",
            $"/sys/fs/cgroup/system.slice/docker-{containerId}.scope/cpu.stat",
        ];
        return candidates.FirstOrDefault(f => Read(f) is not null);
    }

    /// <summary>Seconds of CPU the container has used; null when the file cannot be read.</summary>
    public static double? Read(string usageFile)
    {
        try
        {
            if (usageFile.EndsWith("cpuacct.usage", StringComparison.Ordinal))
            {
                // cgroup v1: nanoseconds.
                return long.Parse(File.ReadAllText(usageFile).Trim(), CultureInfo.InvariantCulture) / 1e9;
            }

            // cgroup v2: "usage_usec N" among other lines.
            var usage = File.ReadLines(usageFile).FirstOrDefault(l => l.StartsWith("usage_usec ", StringComparison.Ordinal));
            return usage is null ? null : long.Parse(usage.AsSpan("usage_usec ".Length), CultureInfo.InvariantCulture) / 1e6;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
