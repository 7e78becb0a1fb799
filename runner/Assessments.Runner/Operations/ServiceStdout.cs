using Assessments.Runner.Logs;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Operations;

/// <summary>
/// Reads what the service wrote to stdout only (stderr is where runtimes put crashes and warnings, which
/// are not the service's logs), bounded however much it wrote.
/// </summary>
internal sealed class ServiceStdout(IDockerClient docker)
{
    public const int MaxLines = 2000;

    public async Task<IReadOnlyList<string>> ReadAsync(string containerId, CancellationToken cancellationToken)
    {
        using var stream = await docker.Containers.GetContainerLogsAsync(
            containerId,
            tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = false, Tail = MaxLines.ToString() },
            cancellationToken);
        var log = new BoundedLog(1024 * 1024);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (read.EOF)
            {
                break;
            }

            log.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read.Count));
        }

        return log.Tail(MaxLines);
    }
}
