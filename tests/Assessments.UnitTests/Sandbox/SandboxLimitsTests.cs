using Assessments.Runner.Sandbox;
using Assessments.Submissions.Sandbox;

namespace Assessments.UnitTests.Sandbox;

public sealed class SandboxLimitsTests
{
    [Fact]
    public void Describe_lists_the_key_limits_in_force()
    {
        var limits = SandboxLimits.Default.Describe();

        Assert.Equal("600", limits["build.timeoutSeconds"]);
        Assert.Equal("none", limits["build.network"]);
        Assert.Equal("1.5", limits["build.cpus"]);
        Assert.Equal("1073741824", limits["run.memoryBytes"]);
        Assert.Equal(limits["run.memoryBytes"], limits["run.memorySwapBytes"]);
        Assert.Equal("512", limits["run.pids"]);
        Assert.Equal("8192", limits["run.nofile"]);
        Assert.Equal("true", limits["run.readOnlyRootFs"]);
        Assert.Equal("tmpfs 64m noexec,nosuid", limits["run.tmp"]);
        Assert.Equal("none (cap-drop ALL)", limits["run.capabilities"]);
        Assert.Equal("true", limits["run.noNewPrivileges"]);
        Assert.Equal("1200", limits["job.timeoutSeconds"]);
    }

    [Fact]
    public void Describe_reflects_changed_limits()
    {
        var limits = (SandboxLimits.Default with { CpuSet = null, RunMemoryBytes = 512L * 1024 * 1024, BuildTimeout = TimeSpan.FromSeconds(90) }).Describe();

        Assert.Equal("unpinned", limits["run.cpuset"]);
        Assert.Equal("536870912", limits["run.memoryBytes"]);
        Assert.Equal("90", limits["build.timeoutSeconds"]);
    }
}
