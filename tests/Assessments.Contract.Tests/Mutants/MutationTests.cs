using Assessments.Contract.Tests.Support;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Xunit.Abstractions;

namespace Assessments.Contract.Tests.Mutants;

/// <summary>
/// The mutation score of the contract engine: the senior reference passes with zero contract
/// failures, and at least 95% of the bug-injected variants (mutants.yaml) are caught by a check that
/// passes on the reference. Every variant is really compiled (all in one Docker build) and graded in
/// Docker, two at a time.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class MutationTests(DockerFixture docker, ITestOutputHelper output)
{
    private const double RequiredKillRate = 0.95;
    private const int MutantsAtOnce = 2;

    [Fact]
    public async Task The_reference_passes_every_contract_check_and_at_least_95_percent_of_mutants_are_killed()
    {
        // given the reference, graded as it is
        var grading = new MutantGrading(docker);
        var reference = await grading.GradeAsync(grading.Reference);
        var contractFailures = reference.Contract.Checks.Where(c => c.Id.StartsWith(ContractChecks.Prefix, StringComparison.Ordinal) && !c.Passed).ToList();
        Assert.True(contractFailures.Count == 0, "the reference fails: " + string.Join(" | ", contractFailures.Select(c => $"{c.Id}: {c.Summary}")));
        Assert.Equal(ContractChecks.All.Count, reference.Contract.Checks.Count(c => c.Id.StartsWith(ContractChecks.Prefix, StringComparison.Ordinal)));
        var contractMs = reference.Timings.PhasesMs[ContractStage.PhaseName];
        output.WriteLine($"contract stage on the reference: {contractMs:0} ms");
        Assert.True(contractMs < 15_000, $"the contract stage took {contractMs:0} ms, over 15 s");
        var passingOnReference = reference.Contract.Checks.Where(c => c.Passed).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        // when every mutant is built and graded
        var mutants = Mutant.LoadAll();
        Assert.True(mutants.Count >= 15, $"only {mutants.Count} mutants");
        var root = Directory.CreateTempSubdirectory("assessments-mutants-").FullName;
        var survivors = new List<string>();
        try
        {
            var submissions = await PrebuiltMutants.PrepareAsync(grading.Reference, mutants, root);

            // Two at a time: one starts while the other is probed, so the cores do not idle.
            var graded = await GradeAllAsync(mutants, mutant => grading.GradeAsync(submissions[mutant.Name]), MutantsAtOnce);
            foreach (var (mutant, report) in mutants.Zip(graded))
            {
                var killers = report.Contract.Checks.Where(c => !c.Passed && passingOnReference.Contains(c.Id)).Select(c => c.Id).ToList();
                output.WriteLine($"{(killers.Count > 0 ? "killed  " : "SURVIVED")} {mutant.Name} ({mutant.Kind}){(killers.Count > 0 ? " by " + string.Join(", ", killers) : string.Empty)}; contract {report.Timings.PhasesMs[ContractStage.PhaseName]:0} ms");
                if (killers.Count == 0)
                {
                    survivors.Add(mutant.Name);
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        // then
        var rate = (double)(mutants.Count - survivors.Count) / mutants.Count;
        output.WriteLine($"kill rate: {mutants.Count - survivors.Count}/{mutants.Count} = {rate:P1}; survivors: {(survivors.Count == 0 ? "none" : string.Join(", ", survivors))}");
        Assert.True(rate >= RequiredKillRate, $"kill rate {rate:P1} is below {RequiredKillRate:P0}; survivors: {string.Join(", ", survivors)}");
    }

    /// <summary>Grades every mutant, at most <paramref name="atOnce"/> at a time; the reports in the mutants' order.</summary>
    private static async Task<GradingReport[]> GradeAllAsync(IReadOnlyList<Mutant> mutants, Func<Mutant, Task<GradingReport>> grade, int atOnce)
    {
        using var gate = new SemaphoreSlim(atOnce);
        return await Task.WhenAll(mutants.Select(async mutant =>
        {
            await gate.WaitAsync();
            try
            {
                return await grade(mutant);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
