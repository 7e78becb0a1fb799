using Assessments.Runner.Docker;
using Assessments.Submissions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Xunit;

namespace Assessments.Testing.Docker;

/// <summary>
/// One Docker connection for a test project's gradings, as an xUnit collection fixture (each project
/// derives a sealed class of its own). It insists on a real engine: no skipping, the test command starts one.
/// </summary>
/// <param name="reapOrphansAtStart">
/// Remove, before the tests start, what processes that have ended left on the engine. Only for a
/// project whose own checks for leftovers count orphans; others leave them to the reaper.
/// </param>
public abstract class DockerEngine(bool reapOrphansAtStart) : IAsyncLifetime
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
            throw new InvalidOperationException("No Docker engine answers. Run the tests with `make test`, which starts one (scripts/ensure-docker.sh).", e);
        }

        if (reapOrphansAtStart)
        {
            await new Reaper(Docker).RemoveOrphansAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Every container, network, image and volume still labelled with this grading, or (when null) left
    /// by a process that has ended: must be empty once gradings have ended. Gradings that other processes
    /// on the same engine still run are not leftovers.
    /// </summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync(string? gradingId = null)
    {
        var filter = Labels.Filter(gradingId);
        // Without a grading id: what this run's processes made and left behind (ASSESS_RUN_LABEL, set per
        // project by scripts/test.sh), not the orphans another project's test is making on purpose.
        var run = Environment.GetEnvironmentVariable(Labels.RunVariable);
        bool Left(IDictionary<string, string>? labels) =>
            gradingId is not null || (OwnerProcess.IsDead(Labels.OwnerOf(labels)) && (string.IsNullOrEmpty(run) || (labels?.TryGetValue(Labels.Run, out var made) == true && made == run)));
        var containers = await Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var networks = await Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        var images = await Docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter });
        var volumes = await Docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter });
        return containers.Where(c => Left(c.Labels)).Select(c => "container " + c.ID)
            .Concat(networks.Where(n => Left(n.Labels)).Select(n => "network " + n.Name))
            .Concat(images.Where(i => Left(i.Labels)).Select(i => "image " + i.ID))
            .Concat((volumes.Volumes ?? []).Where(v => Left(v.Labels)).Select(v => "volume " + v.Name))
            .ToList();
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }
}
