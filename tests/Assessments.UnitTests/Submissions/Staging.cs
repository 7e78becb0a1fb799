using Assessments.Submissions;

namespace Assessments.UnitTests.Submissions;

/// <summary>
/// Intake tests count the staging folders in the temp path, so they run one at a time: a test staging
/// beside another would change the count it checks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Staging
{
    public const string Name = "Submission staging";

    public static int FolderCount() => Directory.GetDirectories(Path.GetTempPath(), "assess-submission-*").Length;

    /// <summary>Stages the submission, expecting a rejection that leaves no staging folder behind.</summary>
    public static SubmissionRejectedException Reject(string path, SubmissionLimits? limits = null)
    {
        var before = FolderCount();

        var e = Assert.Throws<SubmissionRejectedException>(() => SubmissionIntake.Stage(path, limits ?? SubmissionLimits.Default));

        Assert.Equal(before, FolderCount());
        return e;
    }
}
