using Assessments.Load.Model;

namespace Assessments.Load.Scheduling;

/// <summary>A scenario's simulations compiled into segments that run one after another.</summary>
public sealed record LoadSchedule(IReadOnlyList<ScheduleSegment> Segments)
{
    /// <summary>Known length of the whole schedule; null when some phase ends on an iteration count instead of a clock.</summary>
    public TimeSpan? PlannedDuration => Segments.All(s => s.Duration is not null)
        ? Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration!.Value)
        : null;

    public bool HasOpenModel => Segments.Any(s => s is OpenSegment);

    public bool HasClosedModel => Segments.Any(s => s is ClosedSegment);

    public static LoadSchedule Compile(IReadOnlyList<LoadSimulation> simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        var segments = new List<ScheduleSegment>(simulations.Count);

        // Ramps start from where the previous phase of the same model left off, as in NBomber.
        double lastRate = 0;
        int lastCopies = 0;
        foreach (var simulation in simulations)
        {
            ScheduleSegment segment = simulation switch
            {
                LoadSimulation.Inject s => new OpenSegment(Positive(s.During), PerSecond(s.Rate, s.Interval), PerSecond(s.Rate, s.Interval), null),
                LoadSimulation.RampingInject s => new OpenSegment(Positive(s.During), lastRate, PerSecond(s.Rate, s.Interval), null),
                LoadSimulation.IterationsForInject s => IterationsForInject(s),
                LoadSimulation.KeepConstant s => new ClosedSegment(Positive(s.During), Copies(s.Copies), s.Copies, null),
                LoadSimulation.RampingConstant s => new ClosedSegment(Positive(s.During), lastCopies, Copies(s.Copies), null),
                LoadSimulation.IterationsForConstant s => new ClosedSegment(null, Copies(s.Copies), s.Copies, Count(s.Iterations)),
                LoadSimulation.Pause s => new PauseSegment(Positive(s.During)),
                _ => throw new ArgumentException($"Unknown load simulation {simulation.GetType().Name}.", nameof(simulations)),
            };

            switch (segment)
            {
                case OpenSegment open:
                    lastRate = open.EndRate;
                    break;
                case ClosedSegment closed:
                    lastCopies = closed.EndCopies;
                    break;
            }

            segments.Add(segment);
        }

        return new LoadSchedule(segments);
    }

    private static OpenSegment IterationsForInject(LoadSimulation.IterationsForInject s)
    {
        var rate = PerSecond(s.Rate, s.Interval);
        if (rate <= 0)
        {
            throw new ArgumentException("IterationsForInject needs a positive rate, or it would never finish.");
        }

        var iterations = Count(s.Iterations);
        return new OpenSegment(TimeSpan.FromSeconds(iterations / rate), rate, rate, iterations);
    }

    private static double PerSecond(int rate, TimeSpan interval)
    {
        if (rate < 0)
        {
            throw new ArgumentException($"A rate cannot be negative (got {rate}).");
        }

        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"An interval must be positive (got {interval}).");
        }

        return rate / interval.TotalSeconds;
    }

    private static TimeSpan Positive(TimeSpan during) => during > TimeSpan.Zero
        ? during
        : throw new ArgumentException($"A simulation's duration must be positive (got {during}).");

    private static int Copies(int copies) => copies >= 0
        ? copies
        : throw new ArgumentException($"Copies cannot be negative (got {copies}).");

    private static long Count(int iterations) => iterations > 0
        ? iterations
        : throw new ArgumentException($"Iterations must be positive (got {iterations}).");
}
