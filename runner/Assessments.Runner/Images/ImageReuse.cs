using System.Globalization;
using Assessments.Runner.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Images;

/// <summary>
/// A scope in which a successful build's image is kept and used again: for as long as one process
/// lives (a test run, one <c>assess calibrate</c>), a grading of exactly the same files on the same
/// base images starts from the image an earlier grading built instead of building it again. Off
/// unless asked for, because a grading's image is otherwise deleted with the grading; never across
/// different content (<see cref="ImageKey"/>), and the scope's images go when it ends
/// (<see cref="RemoveAllAsync"/>), or as orphans of a dead owner when it crashed (<see cref="Reaper"/>).
/// </summary>
public sealed class ImageReuse
{
    /// <summary>Names the scope's owning process by its id, e.g. <c>ASSESS_IMAGE_REUSE=$$</c> in a script.</summary>
    public const string Variable = "ASSESS_IMAGE_REUSE";

    /// <summary>The owning process's id on a kept image; what a script removes the scope's images by.</summary>
    public const string ScopeLabel = "org.assessments.reuse-scope";

    /// <summary>The <see cref="ImageKey"/> a kept image was built for.</summary>
    public const string KeyLabel = "org.assessments.reuse-key";

    private ImageReuse(int pid)
    {
        Pid = pid;
        Owner = OwnerProcess.Of(pid);
    }

    public int Pid { get; }

    /// <summary>The owning process as <see cref="OwnerProcess"/> describes it: the kept images' owner label.</summary>
    public string Owner { get; }

    /// <summary>A scope that lasts as long as this process; whoever opens it removes its images at the end.</summary>
    public static ImageReuse OfThisProcess() => new(Environment.ProcessId);

    /// <summary>The scope that <c>ASSESS_IMAGE_REUSE</c> names, or null when it is not set.</summary>
    /// <exception cref="ArgumentException">The variable is not the id of a running process.</exception>
    public static ImageReuse? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The scope a value of <c>ASSESS_IMAGE_REUSE</c> names, or null for none.</summary>
    /// <exception cref="ArgumentException">The value is not the id of a running process.</exception>
    public static ImageReuse? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            throw new ArgumentException($"{Variable}='{text}' is not a process id (the process whose lifetime the kept images share).");
        }

        var scope = new ImageReuse(pid);
        return OwnerProcess.IsDead(scope.Owner)
            ? throw new ArgumentException($"{Variable}={pid} names no running process: images kept for it would never be removed.")
            : scope;
    }

    /// <summary>The labels of an image kept in this scope: no grading's, so that no grading's clean-up removes it.</summary>
    public Dictionary<string, string> LabelsFor(ImageKey key, string submissionSha256) => new()
    {
        [Labels.Managed] = "true",
        [Labels.Owner] = Owner,
        [Labels.Submission] = submissionSha256,
        [ScopeLabel] = Pid.ToString(CultureInfo.InvariantCulture),
        [KeyLabel] = key.Value,
    };

    /// <summary>The id of the image kept in this scope for <paramref name="key"/>, or null when there is none yet.</summary>
    public async Task<string?> FindAsync(IDockerClient docker, ImageKey key, CancellationToken cancellationToken)
    {
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters { Filters = Filter($"{KeyLabel}={key.Value}") }, cancellationToken);
        return images.OrderByDescending(i => i.Created).FirstOrDefault()?.ID;
    }

    /// <summary>Removes every image kept in this scope; returns how many.</summary>
    public async Task<int> RemoveAllAsync(IDockerClient docker, CancellationToken cancellationToken)
    {
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = Filter(ScopeLabel) }, cancellationToken);
        var removed = 0;
        foreach (var image in images)
        {
            try
            {
                await docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, cancellationToken);
                removed++;
            }
            catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
            {
                // Already gone, or still used by a container another grading is removing.
            }
        }

        return removed;
    }

    // Only this owner's images: a process id alone may have been another, earlier process's.
    private IDictionary<string, IDictionary<string, bool>> Filter(string label) => new Dictionary<string, IDictionary<string, bool>>
    {
        ["label"] = new Dictionary<string, bool> { [label] = true, [$"{Labels.Owner}={Owner}"] = true },
    };
}
