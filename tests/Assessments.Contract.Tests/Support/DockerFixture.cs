using Assessments.Runner.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Contract.Tests.Support;

/// <summary>
/// One Docker connection for the mutation tests. It insists on a real engine (no skipping) and, unlike
/// the integration tests' fixture, reaps nothing at start: other test runs may be grading on the same
/// engine. Each test checks that its own gradings left nothing behind.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public DockerClient Docker { get; } = DockerConnection.Open();

    public async Task InitializeAsync()
    {
        try
        {
            await Docker.System.PingAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("No Docker engine answers. Start one with `make docker` (scripts/ensure-docker.sh).", e);
        }
    }

    /// <summary>Everything still labelled with this grading: must be empty once it has ended.</summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync(string gradingId)
    {
        var filter = Labels.Filter(gradingId);
        var containers = await Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var networks = await Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        var images = await Docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter });
        return containers.Select(c => "container " + c.ID)
            .Concat(networks.Select(n => "network " + n.Name))
            .Concat(images.Select(i => "image " + i.ID))
            .ToList();
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The Docker tests of this project run one after another: each builds images on the same two cores.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "contract-docker";
}
