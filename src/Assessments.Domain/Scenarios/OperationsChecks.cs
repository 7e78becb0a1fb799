namespace Assessments.Domain.Scenarios;

/// <summary>
/// The operations checks every challenge with an <c>operations:</c> block gets (probes, logs, metrics,
/// trace context, error format, graceful shutdown); rubrics name them like scenarios.
/// </summary>
public static class OperationsChecks
{
    public const string Prefix = "ops.";

    /// <summary>The liveness path answers 200.</summary>
    public const string Liveness = "ops.liveness";

    /// <summary>The readiness path answers 200.</summary>
    public const string Readiness = "ops.readiness";

    /// <summary>Most stdout lines are JSON objects with a timestamp, a level and a message.</summary>
    public const string StructuredLogs = "ops.structured-logs";

    /// <summary>The metrics path serves the Prometheus text format with an HTTP request metric.</summary>
    public const string Metrics = "ops.metrics";

    /// <summary>The trace id of an incoming traceparent reaches the upstream, the response or the logs.</summary>
    public const string TraceContext = "ops.trace-context";

    /// <summary>An unknown route answers 404 with application/problem+json.</summary>
    public const string ProblemJson = "ops.problem-json";

    /// <summary>On SIGTERM the in-flight request completes and the process exits with code 0 in time.</summary>
    public const string GracefulShutdown = "ops.graceful-shutdown";

    public static IReadOnlyList<string> All { get; } = [Liveness, Readiness, StructuredLogs, Metrics, TraceContext, ProblemJson, GracefulShutdown];
}
