namespace Assessments.Load.Model;

/// <summary>How open-model arrivals are placed within the rate.</summary>
public enum ArrivalPattern
{
    /// <summary>Evenly spaced: the schedule is exactly reproducible and easiest to reason about.</summary>
    Uniform,

    /// <summary>Exponential gaps from a seeded generator: bursts like real traffic, still reproducible.</summary>
    Poisson,
}
