namespace Assessments.Runner.Grading;

/// <summary>The submission's image could not be built: a candidate outcome with the build log as evidence.</summary>
public sealed class BuildFailedException(string reason, IReadOnlyList<string> logTail, IReadOnlyList<string> errors)
    : Exception(reason)
{
    public IReadOnlyList<string> LogTail { get; } = logTail;

    /// <summary>The lines of the log that name the error (compiler errors, the failing step).</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>The service did not become ready: it exited, was killed, or never answered in time.</summary>
public sealed class StartFailedException(string reason, string kind, long? exitCode, IReadOnlyList<string> logTail)
    : Exception(reason)
{
    /// <summary>A short machine-readable cause: <c>exited</c>, <c>oom_killed</c>, <c>readiness_timeout</c>.</summary>
    public string Kind { get; } = kind;

    public long? ExitCode { get; } = exitCode;

    public IReadOnlyList<string> LogTail { get; } = logTail;
}
