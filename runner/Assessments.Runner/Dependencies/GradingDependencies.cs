using Assessments.Domain.Challenges;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// What a grading starts next to the candidate's service, before it: the upstream stub (ready before
/// the service starts, reached at <c>UPSTREAM_URL</c>) and the data volume (<c>DATA_DIR</c>).
/// </summary>
/// <param name="upstreamCpuSet">The grading slot's CPUs for the stub; null leaves it unpinned.</param>
internal sealed class GradingDependencies(IDockerClient docker, string? upstreamCpuSet = null) : IDisposable
{
    private readonly HttpClient _control = Grading.ServiceClient.Create(TimeSpan.FromSeconds(10));

    public UpstreamControl? Upstream { get; private set; }

    /// <summary>What the service's container gets: environment variables and the volume mount.</summary>
    public ServiceAdditions Additions { get; private set; } = ServiceAdditions.None;

    /// <summary>Containers on a grading network talk to each other only when the challenge has an upstream.</summary>
    public static bool NeedContainerTraffic(Challenge challenge) => challenge.Upstream is not null;

    public async Task StartAsync(Challenge challenge, int seed, string gradingId, string networkName, IDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var env = new List<string>();
        string? volume = null;
        if (challenge.Upstream is { } spec)
        {
            (_, Upstream) = await new UpstreamContainer(docker, upstreamCpuSet).StartAsync(spec, seed, gradingId, networkName, labels, _control, cancellationToken);
            env.Add($"{ServiceEnvironment.UpstreamUrl}={UpstreamControl.ServiceUrl}");
        }

        if (challenge.Service.DataVolume is { } target)
        {
            volume = await new DataVolume(docker).CreateAsync(gradingId, labels, cancellationToken);
            env.Add($"{ServiceEnvironment.DataDir}={target}");
        }

        Additions = new ServiceAdditions(env, volume, challenge.Service.DataVolume);
    }

    /// <summary>Hands the data volume to the user the service's container runs as (call before it starts).</summary>
    public async Task PrepareVolumeAsync(string containerId, string gradingId, IDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        if (Additions.Volume is not { } volume)
        {
            return;
        }

        var user = (await docker.Containers.InspectContainerAsync(containerId, cancellationToken)).Config.User;
        await new DataVolume(docker).HandOverAsync(volume, user, gradingId, labels, cancellationToken);
    }

    public void Dispose() => _control.Dispose();
}

/// <summary>Environment and the one mount the service's container gets beyond the hardened defaults.</summary>
internal sealed record ServiceAdditions(IReadOnlyList<string> Env, string? Volume, string? VolumeTarget)
{
    public static ServiceAdditions None { get; } = new([], null, null);
}
