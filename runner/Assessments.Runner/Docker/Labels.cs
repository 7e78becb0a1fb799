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

    /// <summary>The process that created the resource (<see cref="OwnerProcess"/>), so that reapers spare live gradings.</summary>
    public const string Owner = "org.assessments.owner";

    public static Dictionary<string, string> For(string gradingId, string submissionSha256) => new()
    {
        [Managed] = "true",
        [Grading] = gradingId,
        [Submission] = submissionSha256,
        [Owner] = OwnerProcess.Current,
    };

    /// <summary>The owner recorded on a resource's labels, if any.</summary>
    public static string? OwnerOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(Owner, out var owner) ? owner : null;

    /// <summary>A Docker list filter selecting everything of one grading, or everything the runner made.</summary>
    public static IDictionary<string, IDictionary<string, bool>> Filter(string? gradingId = null) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [gradingId is null ? $"{Managed}=true" : $"{Grading}={gradingId}"] = true },
        };
}
