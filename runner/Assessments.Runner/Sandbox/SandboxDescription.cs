using Assessments.Submissions.Sandbox;

namespace Assessments.Runner.Sandbox;

/// <summary>
/// The limits in force as a report records them, with what only the grading host can tell: whether it
/// refuses connections from grading networks (<see cref="HostIsolation"/>).
/// </summary>
public static class SandboxDescription
{
    public static IReadOnlyDictionary<string, string> Describe(this SandboxLimits limits) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["build.timeoutSeconds"] = limits.BuildTimeout.TotalSeconds.ToString("0"),
        ["build.memoryBytes"] = limits.BuildMemoryBytes.ToString(),
        ["build.cpus"] = limits.BuildCpus.ToString("0.##"),
        ["build.cpuset"] = limits.BuildCpuSet ?? "unpinned",
        ["build.network"] = "none",
        ["build.allowedBaseImages"] = string.Join(", ", limits.AllowedBaseImages),
        ["run.memoryBytes"] = limits.RunMemoryBytes.ToString(),
        ["run.memorySwapBytes"] = limits.RunMemoryBytes.ToString(),
        ["run.pids"] = limits.PidsLimit.ToString(),
        ["run.nofile"] = limits.OpenFilesLimit.ToString(),
        ["run.readOnlyRootFs"] = "true",
        ["run.tmp"] = $"tmpfs {limits.TmpSize} noexec,nosuid",
        ["run.capabilities"] = "none (cap-drop ALL)",
        ["run.noNewPrivileges"] = "true",
        ["run.cpuset"] = limits.CpuSet ?? "unpinned",
        ["upstream.cpuset"] = limits.UpstreamCpuSet ?? "unpinned",
        ["run.cpus"] = limits.RunCpus is { } cpus ? cpus.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "no quota",
        ["run.logMaxSize"] = limits.LogMaxSize,
        ["run.network"] = "internal per-grading network, no inter-container traffic",
        ["run.hostIsolation"] = HostIsolation.IsEnforced ? "enforced (host refuses new connections from grading bridges)" : "NOT verified (firewall rule missing)",
        ["job.timeoutSeconds"] = limits.JobTimeout.TotalSeconds.ToString("0"),
    };
}
