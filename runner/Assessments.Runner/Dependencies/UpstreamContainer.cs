using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Challenges;
using Assessments.Runner.Docker;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// Starts the challenge's upstream stub for one grading: on the grading network under the alias
/// <c>upstream</c>, hardened like the service, labelled with the grading (so it is reaped with it),
/// with a fresh control token only the runner knows, and waits until its control plane answers.
/// </summary>
internal sealed class UpstreamContainer(IDockerClient docker, string? cpuSet = null)
{
    public const string Alias = "upstream";
    private const int DataPort = 8080;
    private const int ControlPort = 9090;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task<(string ContainerId, UpstreamControl Control)> StartAsync(
        UpstreamSpec spec, int seed, string gradingId, string networkName, IDictionary<string, string> labels, HttpClient http, CancellationToken cancellationToken)
    {
        var image = await new UpstreamImage(docker).EnsureAsync(cancellationToken);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var created = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = $"assessments-{gradingId}-upstream",
                Image = image,
                Labels = labels,
                User = "1654",
                Env =
                [
                    "HOME=/tmp",
                    "DOTNET_CLI_TELEMETRY_OPTOUT=1",
                    $"UPSTREAM_PORT={DataPort}",
                    $"CONTROL_PORT={ControlPort}",
                    $"CONTROL_TOKEN={token}",
                    $"UPSTREAM_CONFIG_JSON={SettingsJson(spec, seed)}",
                ],
                HostConfig = new HostConfig
                {
                    NetworkMode = networkName,
                    ReadonlyRootfs = true,
                    Tmpfs = new Dictionary<string, string> { ["/tmp"] = "rw,noexec,nosuid,nodev,size=16m" },
                    CapDrop = ["ALL"],
                    SecurityOpt = ["no-new-privileges"],
                    PidsLimit = 256,
                    Memory = 256L * 1024 * 1024,
                    MemorySwap = 256L * 1024 * 1024,
                    NanoCPUs = 1_000_000_000,
                    CpusetCpus = SandboxLimits.Usable(cpuSet),
                    Init = true,
                    LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "1m", ["max-file"] = "1" } },
                },
                NetworkingConfig = new NetworkingConfig
                {
                    EndpointsConfig = new Dictionary<string, EndpointSettings> { [networkName] = new() { Aliases = [Alias] } },
                },
            },
            cancellationToken);
        await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        var address = (await docker.Containers.InspectContainerAsync(created.ID, cancellationToken)).NetworkSettings.Networks[networkName].IPAddress;
        var control = new UpstreamControl(http, new Uri($"http://{address}:{ControlPort}"), token);
        await WaitUntilUpAsync(created.ID, control, cancellationToken);
        await WarmUpAsync(http, new Uri($"http://{address}:{DataPort}/{spec.Resources}/warm-up"), control, cancellationToken);
        return (created.ID, control);
    }

    private async Task WaitUntilUpAsync(string id, UpstreamControl control, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - started < StartTimeout)
        {
            if (await control.IsUpAsync(cancellationToken))
            {
                return;
            }

            var state = (await docker.Containers.InspectContainerAsync(id, cancellationToken)).State;
            if (!state.Running)
            {
                var logs = await new ContainerLogs(docker).TailAsync(id, 20, cancellationToken);
                throw new InfrastructureException($"the upstream stub exited with code {state.ExitCode} while starting: {string.Join(" | ", logs)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new InfrastructureException($"the upstream stub did not answer within {StartTimeout.TotalSeconds:0} s");
    }

    /// <summary>
    /// One data-plane call before the candidate's service makes any: the stub's own first-call cost
    /// (compiling its request pipeline) must not be charged to the candidate. The reset clears its count.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, Uri dataPlane, UpstreamControl control, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(dataPlane, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InfrastructureException($"the upstream stub's data plane did not answer: {e.Message}", e);
        }

        await control.ResetAsync(cancellationToken);
    }

    /// <summary>The stub's settings: the challenge's upstream block with its data inlined (a container has no mounts).</summary>
    internal static string SettingsJson(UpstreamSpec spec, int seed) => new JsonObject
    {
        ["resources"] = spec.Resources,
        ["effects"] = spec.Effects,
        ["latencyMs"] = spec.LatencyMs,
        ["jitterMs"] = spec.JitterMs,
        ["paddingBytes"] = spec.PaddingBytes,
        ["seed"] = seed,
        ["data"] = JsonNode.Parse(spec.DataJson),
    }.ToJsonString(JsonSerializerOptions.Default);
}
