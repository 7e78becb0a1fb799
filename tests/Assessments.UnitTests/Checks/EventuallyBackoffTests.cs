using Assessments.Domain.Scenarios;

namespace Assessments.UnitTests.Checks;

public sealed class EventuallyBackoffTests
{
    [Fact]
    public void The_first_look_again_comes_soon_and_the_waits_double_up_to_the_declared_interval()
    {
        var eventually = new Eventually(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250));

        var waits = Enumerable.Range(1, 6).Select(a => eventually.WaitAfter(a).TotalMilliseconds).ToList();

        Assert.Equal(new double[] { 25, 50, 100, 200, 250, 250 }, waits);
    }

    [Fact]
    public void An_interval_shorter_than_the_first_wait_is_kept()
    {
        var eventually = new Eventually(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));

        Assert.Equal(10, eventually.WaitAfter(1).TotalMilliseconds);
        Assert.Equal(10, eventually.WaitAfter(30).TotalMilliseconds);
    }

    [Fact]
    public void No_look_is_planned_past_the_timeout()
    {
        var eventually = new Eventually(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));

        Assert.True(eventually.TryNext(3, TimeSpan.FromMilliseconds(1500), out var wait));
        Assert.Equal(100, wait.TotalMilliseconds);
        Assert.False(eventually.TryNext(6, TimeSpan.FromMilliseconds(1600), out _));
    }
}
