using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// One internal bridge network per grading: the service gets no route out of it, and the runner
/// reaches the service at its address on this network instead of through a published port.
/// </summary>
internal sealed class GradingNetwork(IDockerClient docker)
{
    public async Task<string> CreateAsync(string name, string bridgeName, IDictionary<string, string> labels, CancellationToken cancellationToken)
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
                    ["com.docker.network.bridge.enable_icc"] = "false",
                    // A known interface name lets one host firewall rule refuse connections from every grading.
                    ["com.docker.network.bridge.name"] = bridgeName,
                },
            },
            cancellationToken);
        return response.ID;
    }
}
