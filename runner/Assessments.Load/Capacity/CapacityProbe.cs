namespace Assessments.Load.Capacity;

/// <summary>One short open-model run at a fixed rate and what it showed.</summary>
public sealed record CapacityProbe(int Rate, bool MetTarget, bool Valid, double P99Ms, double FailedRate, string? InvalidReason);
