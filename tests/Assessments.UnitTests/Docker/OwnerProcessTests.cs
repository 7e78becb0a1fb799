using Assessments.Submissions;

namespace Assessments.UnitTests.Docker;

public sealed class OwnerProcessTests
{
    [Fact]
    public void This_process_is_alive() => Assert.False(OwnerProcess.IsDead(OwnerProcess.Current));

    [Fact]
    public void A_process_with_the_same_pid_but_another_start_time_is_dead()
    {
        var parts = OwnerProcess.Current.Split(':');
        Assert.True(OwnerProcess.IsDead($"{parts[0]}:{parts[1]}:1"));
    }

    [Fact]
    public void A_pid_that_no_longer_exists_is_dead() => Assert.True(OwnerProcess.IsDead($"{Environment.MachineName}:{int.MaxValue}:5"));

    [Fact]
    public void Resources_without_an_owner_are_orphans() => Assert.True(OwnerProcess.IsDead(null));

    [Fact]
    public void Another_machine_decides_for_its_own_processes() => Assert.False(OwnerProcess.IsDead("some-other-host:1:1"));
}
