namespace Assessments.Load.Model;

/// <summary>
/// One phase of load, in NBomber's vocabulary. A scenario's simulations run one after another
/// and are compiled into a schedule of intended start times (open model) or of concurrent copies
/// (closed model).
/// </summary>
public abstract record LoadSimulation
{
    /// <summary>Open model: <paramref name="Rate"/> iterations per <paramref name="Interval"/>, spread evenly (or as Poisson arrivals) over it.</summary>
    public sealed record Inject(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation;

    /// <summary>Open model: the rate moves linearly from the previous phase's rate to <paramref name="Rate"/>.</summary>
    public sealed record RampingInject(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation;

    /// <summary>Closed model: <paramref name="Copies"/> virtual users, each starting its next iteration when the last ends.</summary>
    public sealed record KeepConstant(int Copies, TimeSpan During) : LoadSimulation;

    /// <summary>Closed model: the number of copies moves linearly from the previous phase's to <paramref name="Copies"/>.</summary>
    public sealed record RampingConstant(int Copies, TimeSpan During) : LoadSimulation;

    /// <summary>Open model that stops after a fixed number of iterations instead of a duration.</summary>
    public sealed record IterationsForInject(int Rate, TimeSpan Interval, int Iterations) : LoadSimulation;

    /// <summary>Closed model that stops after a fixed number of iterations shared by all copies.</summary>
    public sealed record IterationsForConstant(int Copies, int Iterations) : LoadSimulation;

    /// <summary>No load for a while.</summary>
    public sealed record Pause(TimeSpan During) : LoadSimulation;
}
