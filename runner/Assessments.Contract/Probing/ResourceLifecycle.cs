using System.Text.Json.Nodes;
using Assessments.Contract.Generation;
using Assessments.Contract.Spec;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;

namespace Assessments.Contract.Probing;

/// <summary>
/// The stateful probe of every operation that creates with a Location: create, read the Location
/// back (it must hold what was created), delete it when the contract allows, and read it again (gone).
/// </summary>
internal sealed class ResourceLifecycle(ContractDocument contract, ContractProbe probe, int seed)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var creates = contract.Operations.Where(o => o.CreatesWithLocation && o.BodySchema is not null).ToList();
        if (creates.Count == 0)
        {
            return;
        }

        foreach (var create in creates)
        {
            var values = new ValueGenerator(new Random(RequestPlanner.HashCode(seed, "lifecycle " + create.Name)));
            var request = RequestPlanner.Build(create, values, ValueFlavor.Random, ProbePurpose.Valid, "create for read-back", _ => false);
            var created = await probe.SendAndJudgeAsync(request, cancellationToken);
            if (created is null)
            {
                return;
            }

            await ReadBackAsync(created, cancellationToken);
        }
    }

    private async Task ReadBackAsync(RecordedExchange created, CancellationToken cancellationToken)
    {
        if (created.Evidence.Response?.Status != 201)
        {
            probe.Judge(ContractChecks.LocationReadable, created, $"the create answered {ContractProbe.Show(created)}, expected 201", "create for read-back");
            return;
        }

        if (created.Headers?.GetValueOrDefault("Location") is not { Length: > 0 } location)
        {
            probe.Judge(ContractChecks.LocationReadable, created, "the 201 response has no Location header", "create for read-back");
            return;
        }

        // Only the path of the Location is followed, and only on the service under test.
        var path = ScenarioRunner.PathOnly(location);
        if (contract.Find("GET", path) is not { } read)
        {
            probe.Judge(ContractChecks.LocationReadable, created, $"Location {location} is not a path the contract can read", "create for read-back");
            return;
        }

        var readBack = await probe.SendAsync("GET", path, new Dictionary<string, string>(), null, cancellationToken);
        probe.Conformance(read, readBack, "read back the Location");
        probe.Judge(ContractChecks.LocationReadable, readBack, SameResource(created, readBack), $"GET {path} after the create");

        if (contract.Find("DELETE", path) is not { } delete || !probe.WithinBudget)
        {
            return;
        }

        var deleted = await probe.SendAsync("DELETE", path, new Dictionary<string, string>(), null, cancellationToken);
        probe.Conformance(delete, deleted, "delete the created resource");
        var status = deleted.Evidence.Response?.Status;
        if (status is not (>= 200 and < 300))
        {
            probe.Judge(ContractChecks.DeletedIsGone, deleted, $"the delete answered {ContractProbe.Show(deleted)}, expected 2xx", $"DELETE {path}");
            return;
        }

        var gone = await probe.SendAsync("GET", path, new Dictionary<string, string>(), null, cancellationToken);
        probe.Conformance(read, gone, "read after delete");
        probe.Judge(ContractChecks.DeletedIsGone, gone, gone.Evidence.Response?.Status == 404 ? null : $"answered {ContractProbe.Show(gone)} after the delete, expected 404", $"GET {path} after DELETE");
    }

    private static string? SameResource(RecordedExchange created, RecordedExchange readBack)
    {
        if (readBack.Evidence.Response?.Status != 200)
        {
            return $"answered {ContractProbe.Show(readBack)}, expected 200";
        }

        var before = ScenarioRunner.TryParse(created.Body);
        var after = ScenarioRunner.TryParse(readBack.Body);
        return before is null || JsonNode.DeepEquals(before, after) ? null : "reads back differently from what the create returned";
    }
}
