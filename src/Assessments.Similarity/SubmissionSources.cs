using Assessments.Insight;
using Assessments.Insight.Sources;
using Assessments.Submissions;

namespace Assessments.Similarity;

/// <summary>
/// The sources (every language code insight reads) a submission's similarity is measured on: unpacked with the grader's own intake rules (links,
/// <c>..</c>, bombs refused), read within the insight limits. Past a limit the submission is indexed on
/// what was read, and the limits reached are kept with it.
/// </summary>
public sealed record SubmissionSources(IReadOnlyList<SourceFile> Files, IReadOnlyList<string> LimitsReached)
{
    /// <summary>From a folder, .zip or .tar.gz on disk.</summary>
    /// <exception cref="SubmissionRejectedException">The archive breaks an intake rule.</exception>
    public static SubmissionSources Read(string path)
    {
        using var staged = SubmissionIntake.Stage(path, SubmissionLimits.Default);
        return FromFolder(staged.Root);
    }

    public static SubmissionSources FromFolder(string folder)
    {
        var set = SourceSet.Read(folder, InsightLimits.Default);
        return new SubmissionSources(set.Code, set.LimitsReached);
    }

    /// <summary>From archive bytes kept in the database (the server's reindex and side-by-side page).</summary>
    public static SubmissionSources FromArchive(byte[] archive)
    {
        var file = Path.Combine(Path.GetTempPath(), $"assess-similarity-{Guid.NewGuid():n}.archive");
        try
        {
            File.WriteAllBytes(file, archive);
            return Read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
