using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// Reuses a built image when the very same submission (sha256 of its files) is graded again on the
/// same base images under the same build limits: a calibration, a regrade, a retried platform fault.
/// The key covers the ID of every base image the Dockerfile names, so a rebuilt base image invalidates
/// it (and building another language's image does not invalidate every C# submission's); content that
/// differs in one byte never meets another's image. Cached images carry their own label (not the
/// gradings' <see cref="Labels.Managed"/>, so per-grading cleanup leaves them), the newest
/// <c>ASSESS_IMAGE_CACHE_SIZE</c> (12) are kept, <c>ASSESS_IMAGE_CACHE=0</c> turns reuse off, and
/// <c>assess reap --all</c> removes them all.
/// </summary>
internal sealed class ImageCache(IDockerClient docker, int capacity)
{
    public const string CacheLabel = "org.assessments.image-cache";
    public const string KeyLabel = "org.assessments.cache-key";
    public const int DefaultCapacity = 12;

    /// <summary>The cache as the environment configures it; null when turned off.</summary>
    public static ImageCache? FromEnvironment(IDockerClient docker)
    {
        if (Environment.GetEnvironmentVariable("ASSESS_IMAGE_CACHE") is "0" or "false" or "off")
        {
            return null;
        }

        var size = int.TryParse(Environment.GetEnvironmentVariable("ASSESS_IMAGE_CACHE_SIZE"), out var n) && n >= 0 ? n : DefaultCapacity;
        return size == 0 ? null : new ImageCache(docker, size);
    }

    /// <summary>Everything the built image depends on besides the submission's own files: the IDs of the base images the Dockerfile names, and the build limits.</summary>
    public static string Key(string submissionSha256, IReadOnlyDictionary<string, string> baseImageIds, SandboxLimits limits)
    {
        var key = new StringBuilder(submissionSha256);
        foreach (var (image, id) in baseImageIds.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            key.Append('|').Append(image).Append('=').Append(id);
        }

        key.Append(CultureInfo.InvariantCulture, $"|memory={limits.BuildMemoryBytes}|timeout={limits.BuildTimeout.TotalSeconds}|network=none");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }

    public static string TagFor(string key) => $"assessments-cache/build:{key[..32]}";

    public static Dictionary<string, string> LabelsFor(string key, string submissionSha256) => new()
    {
        [CacheLabel] = "true",
        [KeyLabel] = key,
        [Labels.Submission] = submissionSha256,
    };

    /// <summary>Whether an image built for exactly this key is here (the tag alone is not trusted: its label must carry the whole key).</summary>
    public async Task<bool> HasAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var image = await docker.Images.InspectImageAsync(TagFor(key), cancellationToken);
            return image.Config?.Labels is { } labels && labels.TryGetValue(KeyLabel, out var stored) && stored == key;
        }
        catch (DockerApiException e) when (ImageGone.Is(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Keeps the cached image from being trimmed by another process (a test run beside this one, a
    /// second worker) until this grading's cleanup: a container created, never started, with the
    /// grading's labels, so the engine refuses to remove the image and the grading's reaper removes
    /// the container with the rest. Without it, a trim between "the image is here" and the service's
    /// start turned a reuse into a platform fault. False when the image is gone or no longer carries
    /// this key: then the caller builds.
    /// </summary>
    public async Task<bool> HoldAsync(string key, IDictionary<string, string> gradingLabels, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Containers.CreateContainerAsync(
                new CreateContainerParameters
                {
                    Image = TagFor(key),
                    Labels = gradingLabels,
                    Entrypoint = ["/held-by-a-grading"],
                    NetworkDisabled = true,
                },
                cancellationToken);
        }
        catch (DockerApiException e) when (ImageGone.Is(e))
        {
            // A trim in another process removed the image while the engine created the hold on it.
            return false;
        }

        return await HasAsync(key, cancellationToken);
    }

    /// <summary>Removes the oldest cached images beyond the capacity; one a container still uses stays (the engine refuses).</summary>
    public async Task<int> TrimAsync(CancellationToken cancellationToken)
    {
        var cached = await ListAsync(docker, cancellationToken);
        var removed = 0;
        foreach (var image in cached.OrderByDescending(i => i.Created).Skip(capacity))
        {
            removed += await TryRemoveAsync(docker, image.ID, cancellationToken);
        }

        return removed;
    }

    /// <summary>Removes every cached image (<c>assess reap --all</c>).</summary>
    public static async Task<int> ClearAsync(IDockerClient docker, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var image in await ListAsync(docker, cancellationToken))
        {
            removed += await TryRemoveAsync(docker, image.ID, cancellationToken);
        }

        return removed;
    }

    private static async Task<IList<ImagesListResponse>> ListAsync(IDockerClient docker, CancellationToken cancellationToken) =>
        await docker.Images.ListImagesAsync(
            new ImagesListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{CacheLabel}=true"] = true } },
            },
            cancellationToken);

    private static async Task<int> TryRemoveAsync(IDockerClient docker, string id, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = false }, cancellationToken);
            return 1;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict || ImageGone.Is(e))
        {
            // In use (a grading holds it), or another process's trim removed it first.
            return 0;
        }
    }
}
