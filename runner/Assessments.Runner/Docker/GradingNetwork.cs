using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// One internal bridge network per grading: the service gets no route out of it, and the runner
/// reaches the service at its address on this network instead of through a published port.
/// </summary>
internal sealed class GradingNetwork(IDockerClient docker)
{
    /// <param name="containerTraffic">
    /// Lets the grading's own containers reach each other (the service and the upstream stub it calls);
    /// off otherwise. Other gradings are on other networks either way.
    /// </param>
    public async Task<string> CreateAsync(string name, string bridgeName, IDictionary<string, string> labels, CancellationToken cancellationToken, bool containerTraffic = false)
    {
        var response = await docker.Networks.CreateNetworkAsync(
            new NetworksCreateParameters
            {
                Name = name,
                Driver = "bridge",
                Internal = true,
                Labels = labels,
                Options = new Dictionary<string, string>
                {
                    ["com.docker.network.bridge.enable_icc"] = containerTraffic ? "true" : "false",
                    // A known interface name lets one host firewall rule refuse connections from every grading.
                    ["com.docker.network.bridge.name"] = bridgeName,
                },
            },
            cancellationToken);
        return response.ID;
    }
}
