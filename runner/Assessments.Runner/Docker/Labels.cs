namespace Assessments.Runner.Docker;

/// <summary>
/// Labels on every image, container and network the runner creates, so that its leftovers can be
/// found and removed by label even after a crash.
/// </summary>
public static class Labels
{
    public const string Managed = "org.assessments.managed";
    public const string Grading = "org.assessments.grading";
    public const string Submission = "org.assessments.submission";

    public static Dictionary<string, string> For(string gradingId, string submissionSha256) => new()
    {
        [Managed] = "true",
        [Grading] = gradingId,
        [Submission] = submissionSha256,
    };

    /// <summary>A Docker list filter selecting everything of one grading, or everything the runner made.</summary>
    public static IDictionary<string, IDictionary<string, bool>> Filter(string? gradingId = null) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [gradingId is null ? $"{Managed}=true" : $"{Grading}={gradingId}"] = true },
        };
}
