namespace Assessments.Runner.Docker;

/// <summary>
/// The platform failed (the Docker engine is unreachable or erred, the disk is full): never the
/// candidate's fault. The grading ends as <c>infrastructure_error</c> and is retried.
/// </summary>
public sealed class InfrastructureException(string message, Exception? inner = null) : Exception(message, inner);
