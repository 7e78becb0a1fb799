using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Runner.Docker;
using Assessments.Runner.Grading;

namespace Assessments.IntegrationTests.Faults;

/// <summary>
/// A stage that runs after the restarts, as the contract and load stages do: it passes when the
/// address the stage is given is the container's address now and the service answers there.
/// </summary>
internal sealed class AddressAfterRestartsStage : IGradingStage
{
    public const string CheckId = "address-after-restarts";

    public string Phase => "after-restarts";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        using var docker = DockerConnection.Open();
        var container = await docker.Containers.InspectContainerAsync(service.Container!.ContainerId, cancellationToken);
        var now = container.NetworkSettings.Networks.Values.First().IPAddress;
        using var response = await service.Http.GetAsync(new Uri(service.BaseAddress, service.Challenge.Service.ReadinessPath), cancellationToken);
        var passed = service.BaseAddress.Host == now && response.IsSuccessStatusCode;
        var summary = $"stage given {service.BaseAddress}, container at {now}, {service.Challenge.Service.ReadinessPath} answered {(int)response.StatusCode}";
        return [new CheckOutcome(CheckId, passed, summary, [Evidence.Note(summary)])];
    }
}
