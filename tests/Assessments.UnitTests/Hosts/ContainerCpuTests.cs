using Assessments.Runner.Hosts;

namespace Assessments.UnitTests.Hosts;

public sealed class ContainerCpuTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("container-cpu-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cgroup_v1_counts_nanoseconds() =>
        Assert.Equal(2.5, ContainerCpu.Read(Write("cpuacct.usage", "2500000000\n")));

    [Fact]
    public void Cgroup_v2_counts_microseconds_on_the_usage_line() =>
        Assert.Equal(1.25, ContainerCpu.Read(Write("cpu.stat", "usage_usec 1250000\nuser_usec 1000000\nsystem_usec 250000\n")));

    [Fact]
    public void A_file_that_is_gone_or_unreadable_gives_no_figure()
    {
        Assert.Null(ContainerCpu.Read(Path.Combine(_folder, "missing", "cpuacct.usage")));
        Assert.Null(ContainerCpu.Read(Write("cpu.stat", "nr_periods 0\n")));
        Assert.Null(ContainerCpu.Read(Write("cpuacct.usage", "not a number")));
    }

    [Fact]
    public void A_container_the_host_does_not_know_has_no_usage_file() =>
        Assert.Null(ContainerCpu.UsageFile("0000000000000000000000000000000000000000000000000000000000000000"));

    [Fact]
    public void A_slot_whose_service_shares_the_generators_cpu_is_not_metered() =>
        Assert.Null(ServiceCpuMeter.For("any", new Domain.Hosts.CpuSlot(0, 1, [0], [0], [0])));
}
