using Assessments.Runner.Docker;
using Docker.DotNet;

namespace Assessments.Runner.Operations;

/// <summary>
/// Reads what the service wrote to stdout only (stderr is where runtimes put crashes and warnings, which
/// are not the service's logs), bounded however much it wrote.
/// </summary>
internal sealed class ServiceStdout(IDockerClient docker)
{
    public const int MaxLines = 2000;

    public Task<IReadOnlyList<string>> ReadAsync(string containerId, CancellationToken cancellationToken) =>
        new ContainerLogs(docker).TailAsync(containerId, MaxLines, cancellationToken, stdoutOnly: true, maxBytes: 1024 * 1024);
}
