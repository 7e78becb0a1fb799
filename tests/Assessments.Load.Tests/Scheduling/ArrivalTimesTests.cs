using Assessments.Load.Model;
using Assessments.Load.Scheduling;

namespace Assessments.Load.Tests.Scheduling;

public sealed class ArrivalTimesTests
{
    [Fact]
    public void Inject_spreads_the_rate_evenly_over_each_interval()
    {
        var schedule = LoadSchedule.Compile([Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))]);

        var times = ArrivalTimes.For((OpenSegment)schedule.Segments[0], ArrivalPattern.Uniform, 1).ToList();

        Assert.Equal(200, times.Count);
        Assert.Equal(0, times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(10_000_000, pair.Second - pair.First, tolerance: 1));
    }

    [Fact]
    public void A_rate_per_interval_is_converted_to_a_rate_per_second()
    {
        var schedule = LoadSchedule.Compile([Simulation.Inject(50, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1))]);

        Assert.Equal(100, ((OpenSegment)schedule.Segments[0]).StartRate);
    }

    [Fact]
    public void RampingInject_starts_from_the_previous_rate_and_speeds_up()
    {
        var schedule = LoadSchedule.Compile([Simulation.RampingInject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))]);
        var segment = (OpenSegment)schedule.Segments[0];

        var times = ArrivalTimes.For(segment, ArrivalPattern.Uniform, 1).ToList();

        Assert.Equal(0, segment.StartRate);
        Assert.Equal(100, times.Count);
        var firstGap = times[2] - times[1];
        var lastGap = times[^1] - times[^2];
        Assert.True(lastGap < firstGap / 5, $"first gap {firstGap} ns, last gap {lastGap} ns");
        Assert.True(times[^1] < 2_000_000_000);
    }

    [Fact]
    public void Poisson_arrivals_are_reproducible_from_the_seed_and_keep_the_mean_rate()
    {
        var segment = new OpenSegment(TimeSpan.FromSeconds(10), 1000, 1000, null);

        var first = ArrivalTimes.For(segment, ArrivalPattern.Poisson, 7).ToList();
        var again = ArrivalTimes.For(segment, ArrivalPattern.Poisson, 7).ToList();
        var other = ArrivalTimes.For(segment, ArrivalPattern.Poisson, 8).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count, 9_700, 10_300);
        Assert.Equal(first.Order(), first);
    }

    [Fact]
    public void IterationsForInject_stops_after_the_count()
    {
        var schedule = LoadSchedule.Compile([Simulation.IterationsForInject(200, TimeSpan.FromSeconds(1), 50)]);
        var segment = (OpenSegment)schedule.Segments[0];

        Assert.Equal(50, ArrivalTimes.For(segment, ArrivalPattern.Uniform, 1).Count());
        Assert.Equal(TimeSpan.FromSeconds(0.25), segment.Duration);
    }

    [Fact]
    public void Segments_run_in_order_and_the_planned_duration_adds_up()
    {
        var schedule = LoadSchedule.Compile(
        [
            Simulation.KeepConstant(4, TimeSpan.FromSeconds(2)),
            Simulation.Pause(TimeSpan.FromSeconds(1)),
            Simulation.RampingConstant(10, TimeSpan.FromSeconds(2)),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.PlannedDuration);
        var ramp = (ClosedSegment)schedule.Segments[2];
        Assert.Equal(4, ramp.StartCopies);
        Assert.Equal(4, ramp.CopiesAt(TimeSpan.Zero));
        Assert.Equal(7, ramp.CopiesAt(TimeSpan.FromSeconds(1)));
        Assert.Equal(10, ramp.CopiesAt(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_count_bound_closed_phase_has_no_planned_duration()
    {
        var schedule = LoadSchedule.Compile([Simulation.IterationsForConstant(2, 10)]);

        Assert.Null(schedule.PlannedDuration);
        Assert.True(schedule.HasClosedModel);
        Assert.False(schedule.HasOpenModel);
    }

    [Theory]
    [InlineData(-1, 1000, 1)]
    [InlineData(10, 0, 1)]
    [InlineData(10, 1000, 0)]
    public void Nonsense_simulations_are_rejected_with_a_reason(int rate, int intervalMs, int seconds)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadSchedule.Compile(
            [Simulation.Inject(rate, TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromSeconds(seconds))]));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
