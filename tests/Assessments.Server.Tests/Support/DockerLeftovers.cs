using Assessments.Runner.Docker;
using Docker.DotNet.Models;

namespace Assessments.Server.Tests.Support;

/// <summary>What the Docker engine still holds for one grading id (label <c>org.assessments.grading</c>).</summary>
public static class DockerLeftovers
{
    public static async Task<(int Containers, int Networks, int Images)> OfAsync(string gradingId)
    {
        using var docker = DockerConnection.Open();
        var filter = Labels.Filter(gradingId);
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter });
        return (containers.Count, networks.Count, images.Count);
    }

    public static async Task<int> RunningContainersOfAsync(string gradingId)
    {
        using var docker = DockerConnection.Open();
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = false, Filters = Labels.Filter(gradingId) });
        return containers.Count;
    }
}
