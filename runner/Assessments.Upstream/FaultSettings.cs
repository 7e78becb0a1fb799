namespace Assessments.Upstream;

/// <summary>The faults in force on the data plane; the control plane replaces them field by field.</summary>
public sealed record FaultSettings(int LatencyMs, int JitterMs, bool Outage, int FailFirst, IReadOnlyList<string> FailKeys)
{
    public static FaultSettings From(UpstreamSettings settings) => new(settings.LatencyMs, settings.JitterMs, false, 0, []);

    public FaultSettings With(FaultChange change) => new(
        change.LatencyMs ?? LatencyMs,
        change.JitterMs ?? JitterMs,
        change.Outage ?? Outage,
        change.FailFirst ?? FailFirst,
        change.FailKeys ?? FailKeys);

    public bool AlwaysFails(string keyOrReference) => FailKeys.Any(glob => Glob.Matches(glob, keyOrReference));
}

/// <summary>A <c>PUT /control/faults</c> body: absent fields stay as they are.</summary>
public sealed record FaultChange(int? LatencyMs, int? JitterMs, bool? Outage, int? FailFirst, IReadOnlyList<string>? FailKeys);
