using Assessments.Runner.Logs;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>Reads the last lines a container wrote, bounded however much it wrote.</summary>
internal sealed class ContainerLogs(IDockerClient docker)
{
    public async Task<IReadOnlyList<string>> TailAsync(string id, int lines, CancellationToken cancellationToken)
    {
        using var stream = await docker.Containers.GetContainerLogsAsync(
            id,
            tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = lines.ToString() },
            cancellationToken);
        var log = new BoundedLog(256 * 1024);
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

        return log.Tail(lines);
    }
}
