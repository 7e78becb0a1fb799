namespace Assessments.Runner.Docker;

/// <summary>
/// How many times the kernel refused a container a new process at its pids limit: the <c>max</c>
/// counter of the container's <c>pids.events</c>. Sampling the process count can miss a fork bomb's
/// peak on a busy host (the bomb itself is slowed down); the kernel's counter cannot. Read from the
/// runner host's cgroup file system, version 1 or 2, cgroupfs or systemd driver; null when none is
/// readable (a remote engine), so the sampled peak alone decides.
/// </summary>
internal static class RefusedForks
{
    public static long? Count(string containerId, string cgroupRoot = "/sys/fs/cgroup")
    {
        string[] candidates =
        [
            Path.Combine(cgroupRoot, "pids", "docker", containerId, "pids.events"),
            Path.Combine(cgroupRoot, "system.slice", $"docker-{containerId}.scope", "pids.events"),
            Path.Combine(cgroupRoot, "docker", containerId, "pids.events"),
        ];
        foreach (var file in candidates)
        {
            try
            {
                foreach (var line in File.ReadLines(file))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts is ["max", var count] && long.TryParse(count, out var refused))
                    {
                        return refused;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not this layout, or the container is gone: try the next.
            }
        }

        return null;
    }
}
