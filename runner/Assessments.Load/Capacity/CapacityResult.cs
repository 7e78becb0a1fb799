namespace Assessments.Load.Capacity;

/// <summary>
/// The highest rate that met the target (null when none did). <see cref="LimitedByGenerator"/> means
/// a probe was invalid, so the service may well handle more than <see cref="HighestPassingRate"/>.
/// </summary>
public sealed record CapacityResult(int? HighestPassingRate, bool LimitedByGenerator, IReadOnlyList<CapacityProbe> Probes);
