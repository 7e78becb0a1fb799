namespace Assessments.Domain.Scenarios;

/// <summary>The identifiers of checks the runner provides itself, which rubrics may reference.</summary>
public static class BuiltInChecks
{
    /// <summary>The service built, started and answered its readiness probe in time.</summary>
    public const string ServiceReady = "service.ready";

    public static IReadOnlyList<string> All { get; } = [ServiceReady];
}
