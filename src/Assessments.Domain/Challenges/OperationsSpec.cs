namespace Assessments.Domain.Challenges;

/// <summary>
/// Where a challenge's service exposes what operators rely on (probes, metrics) and which requests the
/// operations checks send: one that should carry trace context onwards, and an optional slow one that
/// must complete while the service shuts down.
/// </summary>
public sealed record OperationsSpec(
    string Liveness,
    string Readiness,
    string Metrics,
    ProbeRequest TraceProbe,
    ProbeRequest? ShutdownProbe,
    TimeSpan ShutdownGrace);

/// <summary>A request the operations checks send as it is written, with an optional JSON body.</summary>
public sealed record ProbeRequest(string Method, string Path, string? JsonBody = null)
{
    public override string ToString() => $"{Method} {Path}";
}
