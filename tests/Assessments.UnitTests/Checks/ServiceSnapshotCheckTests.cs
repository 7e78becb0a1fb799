using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;
using Assessments.Runner.Dependencies;

namespace Assessments.UnitTests.Checks;

public sealed class ServiceSnapshotCheckTests
{
    private static readonly ExpectServiceStep Step = new(true, new Comparison("<=", 200), new Comparison("==", 1));

    [Fact]
    public void A_running_container_within_memory_after_one_restart_meets_the_step() =>
        Assert.Empty(ServiceSnapshotCheck.Problems(Step, new ServiceSnapshot(true, null, false, 120.4, 1)));

    [Fact]
    public void Each_difference_is_named()
    {
        var problems = ServiceSnapshotCheck.Problems(Step, new ServiceSnapshot(true, null, false, 250.0, 2));

        Assert.Equal(["memory in use is 250.0 MiB, expected <=200", "the runner restarted it 2 time(s), expected ==1"], problems);
    }

    [Fact]
    public void A_stopped_container_has_no_memory_to_compare()
    {
        var problems = ServiceSnapshotCheck.Problems(Step, new ServiceSnapshot(false, 137, false, null, 1));

        Assert.Equal(["the container is not running (exit code 137)", "memory in use is unknown: the container is not running"], problems);
    }
}
