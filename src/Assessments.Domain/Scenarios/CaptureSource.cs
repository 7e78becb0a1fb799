namespace Assessments.Domain.Scenarios;

/// <summary>Where a captured value comes from: <c>header:Location</c> or <c>json:$.id</c>.</summary>
public static class CaptureSource
{
    public const string HeaderPrefix = "header:";
    public const string JsonPrefix = "json:";

    public static bool IsValid(string source) =>
        (source.StartsWith(HeaderPrefix, StringComparison.Ordinal) && source.Length > HeaderPrefix.Length)
        || (source.StartsWith(JsonPrefix + "$", StringComparison.Ordinal));
}

/// <summary>Values every scenario may use without capturing them first.</summary>
public static class ScenarioVariables
{
    /// <summary>A value unique to the run (derived from the seed), for data that must not collide.</summary>
    public const string RunId = "run.id";

    public static IReadOnlyList<string> BuiltIn { get; } = [RunId];
}
