using Assessments.Insight.Similarity;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Insight.Sources;
using Assessments.Insight.Tests.Support;
using Xunit.Abstractions;

namespace Assessments.Insight.Tests.Similarity;

/// <summary>
/// The acceptance floor on the real calibration set: every reference solution of every challenge, as
/// many as exist when the tests run.
/// </summary>
public sealed class CalibrationSetTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> ReferenceFolders()
    {
        var data = new TheoryData<string, string>();
        foreach (var (challenge, level, _) in Repository.References())
        {
            data.Add(challenge, level);
        }

        return data;
    }

    public static TheoryData<string> ChallengesWithReferences()
    {
        var data = new TheoryData<string>();
        foreach (var challenge in Repository.References().Select(r => r.Challenge).Distinct())
        {
            data.Add(challenge);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChallengesWithReferences))]
    public void Independently_written_references_of_a_challenge_score_at_most_0_3_pairwise(string challenge)
    {
        var index = new SimilarityIndex(SimilarityIndex.StarterFiles(Repository.StartersOfEveryLanguage(challenge)));
        foreach (var (_, level, folder) in Repository.References().Where(r => r.Challenge == challenge))
        {
            index.Add(level, SourceSet.Read(folder, InsightLimits.Default).Code);
        }

        var pairs = index.ComparePairwise();
        foreach (var pair in pairs)
        {
            output.WriteLine($"{challenge}: {pair.A} ~ {pair.B} = {pair.Similarity:0.000} ({pair.SharedTokensA}/{pair.TokensA}, {pair.SharedTokensB}/{pair.TokensB})");
        }

        Assert.All(pairs, p => Assert.True(p.Similarity <= 0.3, $"{challenge}: {p.A} and {p.B} score {p.Similarity:0.000}"));
    }

    [Theory]
    [MemberData(nameof(ReferenceFolders))]
    public void A_disguised_copy_of_a_reference_scores_at_least_0_8_against_it(string challenge, string level)
    {
        var folder = Path.Combine(Repository.Challenges, challenge, "reference", level);
        var original = SourceSet.Read(folder, InsightLimits.Default).Code;
        Assert.NotEmpty(original);
        var index = new SimilarityIndex(SimilarityIndex.StarterFiles(Repository.StartersOfEveryLanguage(challenge)));
        index.Add("original", original);
        for (var seed = 1; seed <= 3; seed++)
        {
            var disguised = original.Select(f => f with { Path = $"src/{seed}/{Path.GetFileName(f.Path)}", Text = Disguise.Apply(f, seed) }).ToList();
            Assert.NotEqual(original[0].Text, disguised[0].Text);
            index.Add($"copy-{seed}", disguised);
        }

        var againstOriginal = index.ComparePairwise().Where(p => p.A == "original" || p.B == "original").ToList();
        foreach (var pair in againstOriginal)
        {
            output.WriteLine($"{challenge}/{level}: {pair.A} ~ {pair.B} = {pair.Similarity:0.000} ({pair.SharedTokensA}/{pair.TokensA}, {pair.SharedTokensB}/{pair.TokensB}), {pair.Regions.Count} regions");
        }

        Assert.Equal(3, againstOriginal.Count);
        Assert.All(againstOriginal, p => Assert.True(p.Similarity >= 0.8, $"{p.A} ~ {p.B} scored {p.Similarity:0.000}"));
    }
}
