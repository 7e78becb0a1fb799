using Assessments.Runner.Docker;
using Assessments.Runner.Sandbox;
using Assessments.Runner.Submissions;
using Docker.DotNet;

namespace Assessments.Runner.Images;

/// <summary>The image a grading runs: the reference to start containers from, and the build log's tail (or why nothing was built).</summary>
public sealed record SubmissionImage(string Reference, IReadOnlyList<string> LogTail, bool Reused)
{
    /// <summary>
    /// Builds the submission's image for this grading (labelled with it, so that its clean-up removes
    /// it), or, in an <see cref="ImageReuse"/> scope, takes the image kept for the same key or builds
    /// one to keep there.
    /// </summary>
    internal static async Task<SubmissionImage> BuildAsync(
        IDockerClient docker,
        SandboxLimits sandbox,
        StagedSubmission submission,
        string gradingId,
        IDictionary<string, string> labels,
        ICollection<string> createdImages,
        ImageReuse? reuse,
        CancellationToken cancellationToken)
    {
        var sha256 = labels[Labels.Submission];
        var builder = new ImageBuilder(docker, sandbox);
        if (reuse is null)
        {
            var tag = $"assessments-grading/{gradingId}:latest";
            return new(tag, await BuildFromAsync(builder, submission, tag, labels, createdImages, cancellationToken), false);
        }

        var key = await ImageKey.ForAsync(docker, submission, sha256, sandbox.AllowedBaseImages, cancellationToken);
        if (await reuse.FindAsync(docker, key, cancellationToken) is { } kept)
        {
            return new(kept, [$"nothing built: image {ShortId(kept)} was built earlier from the same files (sha256 {sha256}) on the same base images, and kept for reuse while process {reuse.Pid} runs"], true);
        }

        var keptTag = $"assessments-reuse/{key.Value}:latest";
        return new(keptTag, await BuildFromAsync(builder, submission, keptTag, reuse.LabelsFor(key, sha256), createdImages, cancellationToken), false);
    }

    private static async Task<IReadOnlyList<string>> BuildFromAsync(
        ImageBuilder builder, StagedSubmission submission, string tag, IDictionary<string, string> labels, ICollection<string> createdImages, CancellationToken cancellationToken)
    {
        using var context = BuildContext.Create(submission);
        return await builder.BuildAsync(context, tag, labels, createdImages, cancellationToken);
    }

    private static string ShortId(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..19] : id[..Math.Min(12, id.Length)];
}
