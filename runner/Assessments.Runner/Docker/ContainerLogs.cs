using Assessments.Runner.Logs;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>Reads the last lines a container wrote, bounded however much it wrote.</summary>
internal sealed class ContainerLogs(IDockerClient docker)
{
    /// <param name="stdoutOnly">Leave out stderr (where runtimes put crashes and warnings).</param>
    /// <param name="maxBytes">How much of the output is kept while reading, whatever the container wrote.</param>
    public async Task<IReadOnlyList<string>> TailAsync(string id, int lines, CancellationToken cancellationToken, bool stdoutOnly = false, int maxBytes = 256 * 1024)
    {
        using var stream = await docker.Containers.GetContainerLogsAsync(
            id,
            tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = !stdoutOnly, Tail = lines.ToString() },
            cancellationToken);
        var log = new BoundedLog(maxBytes);
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
