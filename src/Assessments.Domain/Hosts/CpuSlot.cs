using Assessments.Domain.Reports;

namespace Assessments.Domain.Hosts;

/// <summary>
/// One grading slot of a runner host: the CPUs the graded service is pinned to, the ones the load
/// generator (the runner process) runs on, and the upstream stub's. A grading holds one slot for its
/// whole run, so two gradings never share the cores their measurements rely on.
/// </summary>
/// <param name="Index">0-based; the slot's lock file is named after it.</param>
/// <param name="Count">How many slots the host has.</param>
public sealed record CpuSlot(int Index, int Count, IReadOnlyList<int> ServiceCpus, IReadOnlyList<int> GeneratorCpus, IReadOnlyList<int> UpstreamCpus)
{
    /// <summary>The service's cpuset in Docker's syntax (<c>1</c>, <c>1,3</c>).</summary>
    public string ServiceSet => Format(ServiceCpus);

    public string GeneratorSet => Format(GeneratorCpus);

    public string UpstreamSet => Format(UpstreamCpus);

    /// <summary>Every CPU of the slot: what its image build may use.</summary>
    public string AllSet => Format([.. ServiceCpus.Concat(GeneratorCpus).Concat(UpstreamCpus).Distinct().Order()]);

    public SlotEnvironment Describe() => new(Index, Count, ServiceSet, GeneratorSet, UpstreamSet);

    public override string ToString() => $"slot {Index + 1} of {Count} (service on CPU {ServiceSet}, load generator on {GeneratorSet}, upstream stub on {UpstreamSet})";

    private static string Format(IReadOnlyList<int> cpus) => string.Join(',', cpus);
}
