using Assessments.Submissions;

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

    /// <summary>
    /// Which run made the resource, from <c>ASSESS_RUN_LABEL</c> when it is set: several test projects
    /// (or platforms) sharing one engine can each tell their own leftovers from another's orphans that
    /// are still being reaped (a worker killed on purpose in one project is not a leftover of another).
    /// </summary>
    public const string Run = "org.assessments.run";

    public const string RunVariable = "ASSESS_RUN_LABEL";

    public static Dictionary<string, string> For(string gradingId, string submissionSha256)
    {
        var labels = new Dictionary<string, string>
        {
            [Managed] = "true",
            [Grading] = gradingId,
            [Submission] = submissionSha256,
            [Owner] = OwnerProcess.Current,
        };
        if (Environment.GetEnvironmentVariable(RunVariable) is { Length: > 0 } run)
        {
            labels[Run] = run;
        }

        return labels;
    }

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
