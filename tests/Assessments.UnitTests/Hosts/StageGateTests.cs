using Assessments.Domain.Hosts;

namespace Assessments.UnitTests.Hosts;

public sealed class StageGateTests : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);
    private readonly string _folder = Directory.CreateTempSubdirectory("gate-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private StageGate Gate() => new(Path.Combine(_folder, "slot-0-of-1.lock.gate"), patience: TimeSpan.FromSeconds(3));

    [Fact]
    public async Task Stages_that_do_not_measure_run_side_by_side()
    {
        using var first = await Gate().EnterAsync(alone: false, CancellationToken.None);

        var second = Gate().EnterAsync(alone: false, CancellationToken.None);

        using var entered = await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_measuring_stage_waits_for_the_stages_under_way_and_then_runs_alone()
    {
        var running = await Gate().EnterAsync(alone: false, CancellationToken.None);

        var measuring = Gate().EnterAsync(alone: true, CancellationToken.None);
        await Task.Delay(Settle);
        Assert.False(measuring.IsCompleted, "a measuring stage started beside a running one");
        var later = Gate().EnterAsync(alone: false, CancellationToken.None);
        await Task.Delay(Settle);
        Assert.False(later.IsCompleted, "a stage slipped in ahead of the measuring stage that was waiting");

        running.Dispose();
        var alone = await measuring.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(Settle);
        Assert.False(later.IsCompleted, "a stage started while the measuring one ran");
        alone.Dispose();
        using var after = await later.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_measuring_stage_kept_waiting_by_a_long_stage_lets_others_run_meanwhile_and_still_runs_alone()
    {
        var gate = new StageGate(Path.Combine(_folder, "slot-0-of-1.lock.gate"), patience: TimeSpan.FromMilliseconds(200));
        var longStage = await gate.EnterAsync(alone: false, CancellationToken.None);
        var measuring = gate.EnterAsync(alone: true, CancellationToken.None);

        // A stage that comes while the measuring one waits past its patience is let through.
        (await gate.EnterAsync(alone: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.False(measuring.IsCompleted, "the measuring stage started beside the long one");

        longStage.Dispose();
        var alone = await measuring.WaitAsync(TimeSpan.FromSeconds(5));
        var later = gate.EnterAsync(alone: false, CancellationToken.None);
        await Task.Delay(Settle);
        Assert.False(later.IsCompleted, "a stage started while the measuring one ran");
        alone.Dispose();
        (await later.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Two_seats_of_one_slot_are_held_at_once_and_share_its_cpus_and_gate()
    {
        var host = new HostSlots(CpuSlotPlan.For(2), _folder, seats: 2);

        using var a = host.TryAcquire();
        using var b = host.TryAcquire();

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(a.Slot, b.Slot);
        Assert.NotEqual(a.Seat, b.Seat);
        Assert.Null(host.TryAcquire());
        Assert.Equal(0, host.CountFree());
        using var turn = await a.Gate.EnterAsync(alone: true, CancellationToken.None);
        var blocked = b.Gate.EnterAsync(alone: false, CancellationToken.None);
        await Task.Delay(Settle);
        Assert.False(blocked.IsCompleted, "the second seat's stage ran beside the first seat's measuring stage");
        turn.Dispose();
        (await blocked.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public void A_grading_sees_the_other_gradings_of_its_slot_until_they_leave()
    {
        var host = new HostSlots(CpuSlotPlan.For(2), _folder, seats: 2);
        using var a = host.TryAcquire()!;
        using var b = host.TryAcquire()!;

        using (b.Join("grading-b"))
        {
            using var listed = a.Join("grading-a");
            Assert.Equal(["grading-b"], a.Neighbours("grading-a"));
        }

        Assert.Empty(a.Neighbours("grading-a"));
    }
}
