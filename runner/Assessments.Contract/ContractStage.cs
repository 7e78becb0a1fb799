using Assessments.Contract.Probing;
using Assessments.Contract.Spec;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner;
using Assessments.Runner.Checks;
using Assessments.Runner.Grading;

namespace Assessments.Contract;

/// <summary>
/// Tests the running service against the challenge's OpenAPI contract: requests generated from the
/// document's schemas (deterministic for the grading's seed), responses judged by the
/// <see cref="ContractChecks"/>, each failure with its exchange and a curl command that reproduces it.
/// </summary>
public sealed class ContractStage(TimeSpan? budget = null) : IGradingStage
{
    public const string PhaseName = "contract";

    /// <summary>How long probing may take before the remaining requests are skipped (a slow service must not stall a grading).</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(60);

    public string Phase => PhaseName;

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        var challenge = service.Challenge;
        var contract = ContractDocument.Load(challenge.ContractPath);
        if (challenge.Operations is { } operations)
        {
            // Probes and metrics are documented for the candidate but graded by the operations checks
            // (ops.*): probing them here as well would count one missing feature twice.
            contract = contract.Without([operations.Liveness, operations.Readiness, operations.Metrics]);
        }

        if (contract.Operations.Count == 0)
        {
            // The challenge's fault, not the candidate's: every check fails with the reason, visibly in the report.
            var reason = $"the contract {challenge.ContractPath} could not be read: {string.Join("; ", contract.Problems)}";
            return ContractChecks.All.Select(id => new CheckOutcome(id, false, reason, [Evidence.Note(reason)], ContractCatalog.Title(id), challenge.Contract.VisibilityOf(id))).ToList();
        }

        var ledger = new CheckLedger(service.Seed);
        var recorder = new ExchangeRecorder(service.Http, service.BaseAddress, challenge.Service.Port);
        var probe = new ContractProbe(contract, recorder, ledger, service.Seed, budget ?? DefaultBudget);
        var progress = service.Progress is { } p ? new SynchronousProgress<string>(m => p.Report(new GradingProgress(Phase, m))) : null;
        await probe.RunAsync(progress, cancellationToken);

        var outcomes = ledger.Outcomes(challenge.Contract);
        if (!probe.WithinBudget)
        {
            var note = Evidence.Note($"the contract stage stopped after {(budget ?? DefaultBudget).TotalSeconds:0} s; later requests were not sent");
            outcomes = outcomes.Select(o => o with { Evidence = [.. o.Evidence, note] }).ToList();
        }

        return outcomes;
    }
}
