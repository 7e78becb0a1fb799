using Assessments.Runner.Docker;

namespace Assessments.UnitTests.Docker;

/// <summary>The kernel's count of processes refused at a container's pids limit, read from either cgroup layout.</summary>
public sealed class RefusedForksTests : IDisposable
{
    private const string Id = "13a772e0b9bbe9aad48d504979cd4106f7e908e29f9066e00b14176cc048da10";
    private readonly string _root = Directory.CreateTempSubdirectory("cgroup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("pids/docker/{0}")] // cgroup v1, cgroupfs driver
    [InlineData("system.slice/docker-{0}.scope")] // cgroup v2, systemd driver
    [InlineData("docker/{0}")] // cgroup v2, cgroupfs driver
    public void The_max_counter_of_the_containers_pids_events_is_read_in_every_layout(string folder)
    {
        var path = Path.Combine(_root, string.Format(System.Globalization.CultureInfo.InvariantCulture, folder, Id));
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "pids.events"), "max 4711\n");

        Assert.Equal(4711, RefusedForks.Count(Id, _root));
    }

    [Fact]
    public void A_container_without_a_readable_counter_has_none()
    {
        Assert.Null(RefusedForks.Count(Id, _root));
    }
}
