using Assessments.Runner.Dependencies;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// Creates and starts the candidate's service with the run-time hardening of SANDBOX.md: read-only
/// root, small noexec /tmp, no capabilities, no privilege gain, non-root, process, file and memory
/// limits, pinned CPUs, an init process, a capped log, and no mounts but the data volume a challenge declares.
/// </summary>
internal sealed class ServiceContainer(IDockerClient docker, SandboxLimits limits)
{
    public async Task<string> CreateAsync(
        string name, string image, string networkId, int port, IDictionary<string, string> labels, CancellationToken cancellationToken, ServiceAdditions? additions = null)
    {
        additions ??= ServiceAdditions.None;
        var imageInfo = await docker.Images.InspectImageAsync(image, cancellationToken);
        var response = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = name,
                Image = image,
                Labels = labels,
                User = NonRootUser(imageInfo.Config?.User, limits.FallbackUser),
                Env = [.. ServiceEnvironment.Lines(port), .. additions.Env],
                ExposedPorts = new Dictionary<string, EmptyStruct> { [$"{port}/tcp"] = default },
                HostConfig = new HostConfig
                {
                    NetworkMode = networkId,
                    ReadonlyRootfs = true,
                    Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,noexec,nosuid,nodev,size={limits.TmpSize}" },
                    CapDrop = ["ALL"],
                    SecurityOpt = ["no-new-privileges"],
                    PidsLimit = limits.PidsLimit,
                    Ulimits = [new Ulimit { Name = "nofile", Soft = limits.OpenFilesLimit, Hard = limits.OpenFilesLimit }],
                    Memory = limits.RunMemoryBytes,
                    MemorySwap = limits.RunMemoryBytes,
                    CpusetCpus = SandboxLimits.Usable(limits.CpuSet),
                    NanoCPUs = limits.RunCpus is { } cpus ? (long)(cpus * 1_000_000_000) : 0,
                    Init = true,
                    LogConfig = new LogConfig
                    {
                        Type = "json-file",
                        Config = new Dictionary<string, string> { ["max-size"] = limits.LogMaxSize, ["max-file"] = "1" },
                    },
                    RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
                    Mounts = additions.Volume is { } volume
                        ? [new Mount { Type = "volume", Source = volume, Target = additions.VolumeTarget, ReadOnly = false }]
                        : null,
                },
            },
            cancellationToken);
        return response.ID;
    }

    public Task StartAsync(string id, CancellationToken cancellationToken) =>
        docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);

    public Task<ContainerInspectResponse> InspectAsync(string id, CancellationToken cancellationToken) =>
        docker.Containers.InspectContainerAsync(id, cancellationToken);

    /// <summary>The image's own user when it is a non-zero numeric id; anything else could map to root.</summary>
    internal static string NonRootUser(string? configured, string fallback)
    {
        var user = configured?.Split(':')[0];
        return long.TryParse(user, out var uid) && uid > 0 ? configured! : fallback;
    }
}
