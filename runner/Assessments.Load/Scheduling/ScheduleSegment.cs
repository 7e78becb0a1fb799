namespace Assessments.Load.Scheduling;

/// <summary>One compiled phase of a schedule. <see cref="Duration"/> is null when the phase ends on an iteration count.</summary>
public abstract record ScheduleSegment(TimeSpan? Duration);

/// <summary>Open model: arrivals at a rate that moves linearly from <paramref name="StartRate"/> to <paramref name="EndRate"/> (per second).</summary>
public sealed record OpenSegment(TimeSpan? Duration, double StartRate, double EndRate, long? Iterations) : ScheduleSegment(Duration);

/// <summary>Closed model: a number of copies that moves linearly from <paramref name="StartCopies"/> to <paramref name="EndCopies"/>.</summary>
public sealed record ClosedSegment(TimeSpan? Duration, int StartCopies, int EndCopies, long? Iterations) : ScheduleSegment(Duration)
{
    public int MaxCopies => Math.Max(StartCopies, EndCopies);

    /// <summary>Copies that should be active <paramref name="elapsed"/> into the segment (rounded, so a ramp from 0 reaches 1 early).</summary>
    public int CopiesAt(TimeSpan elapsed)
    {
        if (Duration is not { } duration || duration <= TimeSpan.Zero || StartCopies == EndCopies)
        {
            return EndCopies;
        }

        var fraction = Math.Clamp(elapsed / duration, 0, 1);
        return (int)Math.Round(StartCopies + ((EndCopies - StartCopies) * fraction), MidpointRounding.AwayFromZero);
    }
}

/// <summary>No load.</summary>
public sealed record PauseSegment(TimeSpan Pause) : ScheduleSegment(Pause);
