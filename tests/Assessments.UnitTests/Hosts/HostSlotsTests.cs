using Assessments.Domain.Hosts;

namespace Assessments.UnitTests.Hosts;

public sealed class HostSlotsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slots-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private HostSlots Host(int cpus = 2) => new(CpuSlotPlan.For(cpus), _folder);

    [Fact]
    public void A_held_slot_is_not_given_to_a_second_grading_until_it_is_let_go()
    {
        var host = Host();
        using (var first = host.TryAcquire())
        {
            Assert.NotNull(first);
            Assert.Null(host.TryAcquire());
            Assert.Equal(0, host.CountFree());
        }

        using var again = host.TryAcquire();
        Assert.NotNull(again);
    }

    [Fact]
    public void Two_slots_are_held_at_once_and_each_has_its_own_cpus()
    {
        var host = Host(cpus: 4);

        using var a = host.TryAcquire();
        using var b = host.TryAcquire();

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.NotEqual(a.Slot.ServiceSet, b.Slot.ServiceSet);
        Assert.Null(host.TryAcquire());
    }

    [Fact]
    public void The_busy_description_names_the_process_that_holds_the_slot()
    {
        var host = Host();
        using var held = host.TryAcquire();

        var busy = host.BusyDescription();

        Assert.Contains("1 of 1 slot(s) busy", busy, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", busy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_grading_says_so_once_and_gets_the_slot_when_it_is_let_go()
    {
        var host = Host();
        var held = host.TryAcquire()!;
        var told = new List<string>();

        var waiting = host.AcquireAsync(told.Add, CancellationToken.None);
        await Task.Delay(600);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, lease.Slot.Index);
        var message = Assert.Single(told);
        Assert.StartsWith("waiting for a free grading slot", message, StringComparison.Ordinal);
    }
}
