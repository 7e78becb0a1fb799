using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// The Docker volume a challenge declares with <c>service.dataVolume</c>: state that survives a restart
/// of the service's container, labelled with the grading so it is reaped with it.
/// </summary>
internal sealed class DataVolume(IDockerClient docker)
{
    /// <summary>A seeded base image, always present offline; it runs our own <c>chown</c>, never candidate code.</summary>
    private const string HelperImage = "debian:bookworm-slim";

    public static string NameFor(string gradingId) => $"assessments-{gradingId}-data";

    public async Task<string> CreateAsync(string gradingId, IDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var volume = await docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = NameFor(gradingId), Labels = labels }, cancellationToken);
        return volume.Name;
    }

    /// <summary>
    /// A new volume belongs to root, and the service runs as a non-root user: hand the volume's root to
    /// that user in a short-lived helper container (no network, only the CHOWN capability).
    /// </summary>
    public async Task HandOverAsync(string volume, string user, string gradingId, IDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var helper = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = $"assessments-{gradingId}-volume-owner",
                Image = HelperImage,
                Labels = labels,
                User = "0",
                Cmd = ["chown", user, "/data"],
                HostConfig = new HostConfig
                {
                    NetworkMode = "none",
                    CapDrop = ["ALL"],
                    CapAdd = ["CHOWN"],
                    SecurityOpt = ["no-new-privileges"],
                    Mounts = [new Mount { Type = "volume", Source = volume, Target = "/data" }],
                },
            },
            cancellationToken);
        try
        {
            await docker.Containers.StartContainerAsync(helper.ID, new ContainerStartParameters(), cancellationToken);
            var exit = await docker.Containers.WaitContainerAsync(helper.ID, cancellationToken);
            if (exit.StatusCode != 0)
            {
                throw new Docker.InfrastructureException($"the data volume could not be handed to user {user} (chown exited with {exit.StatusCode})");
            }
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(helper.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }
}
