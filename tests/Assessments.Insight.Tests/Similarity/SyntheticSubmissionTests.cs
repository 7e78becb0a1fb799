using Assessments.Insight.Similarity;
using Assessments.Insight.Similarity.Calibration;
using Xunit.Abstractions;

namespace Assessments.Insight.Tests.Similarity;

/// <summary>
/// The made-up cohort the platform tests and the benchmark use: independent ones stay well below the
/// flag (0.5; they share a generator, so a little more than the references' 0.3), a disguised copy is caught.
/// </summary>
public sealed class SyntheticSubmissionTests(ITestOutputHelper output)
{
    [Fact]
    public void Differently_seeded_services_stay_well_below_the_flag_pairwise_and_a_disguised_copy_at_least_0_8()
    {
        var index = new SimilarityIndex([]);
        for (var seed = 1; seed <= 12; seed++)
        {
            index.Add($"s{seed}", SyntheticSubmission.Generate(seed));
        }

        index.Add("copy", SyntheticSubmission.Generate(1).Select(f => f with { Text = Disguise.Apply(f.Text, 9) }).ToList());
        var pairs = index.ComparePairwise();
        output.WriteLine(string.Join("\n", pairs.Take(5).Select(p => $"{p.A} ~ {p.B} = {p.Similarity} ({p.TokensA}, {p.TokensB} tokens)")));
        Assert.All(pairs.Where(p => p.B != "copy" && p.A != "copy"), p => Assert.True(p.Similarity <= 0.4, $"{p.A} ~ {p.B} = {p.Similarity}"));
        Assert.Contains(pairs, p => p is { A: "s1", B: "copy" } or { A: "copy", B: "s1" } && p.Similarity >= 0.8);
    }
}
