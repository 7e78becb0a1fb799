using Assessments.Submissions;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// Removes what the runner created, found by label: after each grading for that grading, and at
/// start-up for everything an earlier, crashed runner left behind.
/// </summary>
public sealed class Reaper(IDockerClient docker)
{
    /// <summary>Removes the containers, networks, volumes and images of one grading (or of all, when null); returns how many.</summary>
    public Task<int> RemoveAsync(string? gradingId, CancellationToken cancellationToken) =>
        RemoveWhereAsync(Labels.Filter(gradingId), _ => true, cancellationToken);

    /// <summary>Removes every image the image cache keeps for regrades (<see cref="ImageCache"/>); returns how many.</summary>
    public Task<int> RemoveImageCacheAsync(CancellationToken cancellationToken) => ImageCache.ClearAsync(docker, cancellationToken);

    /// <summary>
    /// Removes only what processes that are no longer running left behind (crashed or killed runners),
    /// sparing gradings under way in other processes on the same engine.
    /// </summary>
    public Task<int> RemoveOrphansAsync(CancellationToken cancellationToken) =>
        RemoveWhereAsync(Labels.Filter(), labels => OwnerProcess.IsDead(Labels.OwnerOf(labels)), cancellationToken);

    private async Task<int> RemoveWhereAsync(
        IDictionary<string, IDictionary<string, bool>> filter,
        Func<IDictionary<string, string>?, bool> orphaned,
        CancellationToken cancellationToken)
    {
        var removed = 0;
        var containers = (await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken))
            .Where(c => orphaned(c.Labels));
        foreach (var container in containers)
        {
            removed += await Try(() => docker.Containers.RemoveContainerAsync(
                container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken));
        }

        var networks = (await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, cancellationToken))
            .Where(n => orphaned(n.Labels));
        foreach (var network in networks)
        {
            removed += await Try(() => docker.Networks.DeleteNetworkAsync(network.ID, cancellationToken));
        }

        var volumes = (await docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken)).Volumes ?? [];
        foreach (var volume in volumes.Where(v => orphaned(v.Labels)))
        {
            removed += await Try(() => docker.Volumes.RemoveAsync(volume.Name, force: true, cancellationToken));
        }

        var images = (await docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }, cancellationToken))
            .Where(i => orphaned(i.Labels));
        foreach (var image in images)
        {
            removed += await Try(() => docker.Images.DeleteImageAsync(
                image.ID, new ImageDeleteParameters { Force = true }, cancellationToken));
        }

        return removed;
    }

    /// <summary>
    /// Removes images a build created that carry no label (the steps of earlier build stages), newest
    /// first. Only untagged images go: a tagged one (a base image a FROM step named) is never touched,
    /// and one still used by another image is left alone by the engine.
    /// </summary>
    public async Task<int> RemoveImagesAsync(IEnumerable<string> imageIds, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var id in imageIds.Reverse())
        {
            ImageInspectResponse image;
            try
            {
                image = await docker.Images.InspectImageAsync(id, cancellationToken);
            }
            catch (DockerApiException e) when (ImageGone.Is(e))
            {
                continue;
            }

            if (image.RepoTags is { Count: > 0 } tags && tags.Any(t => t != "<none>:<none>"))
            {
                continue;
            }

            removed += await Try(() => docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = false }, cancellationToken));
        }

        return removed;
    }

    // Something already gone is not a failure: two reapers may race, and Docker removes some things itself.
    private static async Task<int> Try(Func<Task> remove)
    {
        try
        {
            await remove();
            return 1;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict || ImageGone.Is(e))
        {
            return 0;
        }
    }
}
