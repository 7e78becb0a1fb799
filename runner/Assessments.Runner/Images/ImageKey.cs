using System.Security.Cryptography;
using System.Text;
using Assessments.Runner.Submissions;
using Docker.DotNet;

namespace Assessments.Runner.Images;

/// <summary>
/// What an image is the build of: the submission's files (their sha256, plus which are executable,
/// which the build context carries but the hash does not) and the ids of the base images a Dockerfile
/// may start from. Rebuilding a base image or changing one byte of one file gives another key.
/// </summary>
public sealed record ImageKey(string Value)
{
    private const string Version = "image-key/1";

    public static async Task<ImageKey> ForAsync(IDockerClient docker, StagedSubmission submission, string submissionSha256, IEnumerable<string> baseImages, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().Append(Version).Append('\n').Append(submissionSha256).Append('\n');
        foreach (var file in submission.Files.Where(IsExecutable).Select(f => f.RelativePath).Order(StringComparer.Ordinal))
        {
            text.Append("x ").Append(file).Append('\n');
        }

        foreach (var image in baseImages.Where(i => i != "scratch").Order(StringComparer.Ordinal))
        {
            text.Append(image).Append('=').Append(await BaseImageIdAsync(docker, image, cancellationToken)).Append('\n');
        }

        return new ImageKey(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32]);
    }

    private static bool IsExecutable(SubmissionFile file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file.FullPath) & UnixFileMode.UserExecute) != 0;

    private static async Task<string> BaseImageIdAsync(IDockerClient docker, string image, CancellationToken cancellationToken)
    {
        try
        {
            return (await docker.Images.InspectImageAsync(image, cancellationToken)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            // Absent now: a build naming it fails; should it appear later, the key changes with it.
            return "absent";
        }
    }
}
