using Docker.DotNet;

namespace Assessments.Runner.Docker;

/// <summary>Opens the Docker engine client from DOCKER_HOST, or the local socket.</summary>
public static class DockerConnection
{
    public static DockerClient Open()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var uri = string.IsNullOrWhiteSpace(host) ? new Uri("unix:///var/run/docker.sock") : new Uri(host);
        // Builds stream for minutes; the client's default 100 s timeout would cut them off.
        return new DockerClientConfiguration(uri, defaultTimeout: Timeout.InfiniteTimeSpan).CreateClient();
    }
}
