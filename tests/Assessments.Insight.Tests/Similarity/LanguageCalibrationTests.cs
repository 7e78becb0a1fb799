using Assessments.Domain.Challenges.Loading;
using Assessments.Insight.Similarity;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Insight.Sources;
using Assessments.Insight.Tests.Support;
using Xunit.Abstractions;

namespace Assessments.Insight.Tests.Similarity;

/// <summary>
/// The C# calibration held for the other languages: a disguised copy scores at least 0.8 against its
/// original, two services written independently for the same task at most 0.3. The independent pairs
/// are in-memory key-value services written two different ways per language (Corpus/languages).
/// </summary>
public sealed class LanguageCalibrationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Originals()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "python-kv-fastapi", "python-kv-stdlib", "go-kv-mutex", "go-kv-actor" })
        {
            data.Add(Repository.Corpus(Path.Combine("languages", name)));
        }

        foreach (var (_, _, folder) in Repository.OtherLanguageStarters())
        {
            data.Add(folder);
        }

        return data;
    }

    [Theory]
    [InlineData("python-kv-fastapi", "python-kv-stdlib")]
    [InlineData("go-kv-mutex", "go-kv-actor")]
    public void Two_independently_written_services_in_one_language_score_at_most_0_3(string first, string second)
    {
        var index = new SimilarityIndex([]);
        index.Add(first, Read(Repository.Corpus(Path.Combine("languages", first))));
        index.Add(second, Read(Repository.Corpus(Path.Combine("languages", second))));

        var pair = Assert.Single(index.ComparePairwise());

        output.WriteLine($"{pair.A} ~ {pair.B} = {pair.Similarity:0.000} ({pair.SharedTokensA}/{pair.TokensA}, {pair.SharedTokensB}/{pair.TokensB})");
        Assert.True(pair.TokensA > 300 && pair.TokensB > 300, "the services are big enough to mean something");
        Assert.True(pair.Similarity <= 0.3, $"{pair.A} ~ {pair.B} scored {pair.Similarity:0.000}");
    }

    [Theory]
    [MemberData(nameof(Originals))]
    public void A_disguised_copy_scores_at_least_0_8_against_its_original(string folder)
    {
        // given: the original read as a submission (a starter kit too: here it is the code, not the exclusion)
        var original = Read(folder);
        Assert.NotEmpty(original);
        var index = new SimilarityIndex([]);
        index.Add("original", original);

        // when
        for (var seed = 1; seed <= 3; seed++)
        {
            var disguised = original.Select(f => f with { Path = $"src/{seed}/{Path.GetFileName(f.Path)}", Text = Disguise.Apply(f, seed) }).ToList();
            Assert.NotEqual(original[0].Text, disguised[0].Text);
            index.Add($"copy-{seed}", disguised);
        }

        // then
        var againstOriginal = index.ComparePairwise().Where(p => p.A == "original" || p.B == "original").ToList();
        foreach (var pair in againstOriginal)
        {
            output.WriteLine($"{Path.GetFileName(Path.GetDirectoryName(folder + "/"))}: {pair.A} ~ {pair.B} = {pair.Similarity:0.000} ({pair.SharedTokensA}/{pair.TokensA}, {pair.SharedTokensB}/{pair.TokensB})");
        }

        Assert.Equal(3, againstOriginal.Count);
        Assert.All(againstOriginal, p => Assert.True(p.Similarity >= 0.8, $"{p.A} ~ {p.B} scored {p.Similarity:0.000}"));
    }

    /// <summary>The challenges' references in Go and Python (moreReferences): (challenge, folder name, language).</summary>
    public static TheoryData<string, string, string> OtherLanguageReferences()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var challenge in Directory.GetDirectories(Repository.Challenges).Select(ChallengeLoader.Load))
        {
            foreach (var reference in challenge.References.Where(r => !r.IsPrimary))
            {
                data.Add(challenge.Id, Path.GetFileName(reference.Directory), reference.Language!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherLanguageReferences))]
    public void A_disguised_copy_of_an_other_language_reference_scores_at_least_0_8_and_independent_services_in_its_language_at_most_0_3(string challenge, string folder, string language)
    {
        // given: the reference, against its own challenge's kits (as a submission would be), three
        // disguised copies of it, and what was written apart from it in its language: the corpus
        // services and the other challenges' references in that language
        var original = Read(Path.Combine(Repository.Challenges, challenge, "reference", folder));
        var index = new SimilarityIndex(SimilarityIndex.StarterFiles(Repository.StartersOfEveryLanguage(challenge)));
        index.Add("original", original);
        for (var seed = 1; seed <= 3; seed++)
        {
            index.Add($"copy-{seed}", original.Select(f => f with { Path = $"src/{seed}/{Path.GetFileName(f.Path)}", Text = Disguise.Apply(f, seed) }).ToList());
        }

        var independent = IndependentOf(challenge, language);
        Assert.NotEmpty(independent);
        foreach (var (name, other) in independent)
        {
            index.Add(name, Read(other));
        }

        // when
        var againstOriginal = index.ComparePairwise().Where(p => p.A == "original" || p.B == "original").ToList();

        // then
        foreach (var pair in againstOriginal)
        {
            output.WriteLine($"{challenge}/{folder}: {pair.A} ~ {pair.B} = {pair.Similarity:0.000} ({pair.SharedTokensA}/{pair.TokensA}, {pair.SharedTokensB}/{pair.TokensB})");
        }

        var copies = againstOriginal.Where(p => p.A.StartsWith("copy-", StringComparison.Ordinal) || p.B.StartsWith("copy-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, copies.Count);
        Assert.All(copies, p => Assert.True(p.Similarity >= 0.8, $"{p.A} ~ {p.B} scored {p.Similarity:0.000}"));
        var apart = againstOriginal.Except(copies).ToList();
        Assert.Equal(independent.Count, apart.Count);
        Assert.All(apart, p => Assert.True(p.Similarity <= 0.3, $"{p.A} ~ {p.B} scored {p.Similarity:0.000}"));
    }

    /// <summary>Services in <paramref name="language"/> written apart from <paramref name="challenge"/>'s reference.</summary>
    private static List<(string Name, string Folder)> IndependentOf(string challenge, string language)
    {
        var corpus = new[] { "python-kv-fastapi", "python-kv-stdlib", "go-kv-mutex", "go-kv-actor" }
            .Where(n => n.StartsWith(language + "-", StringComparison.Ordinal))
            .Select(n => (n, Repository.Corpus(Path.Combine("languages", n))));
        var references = OtherLanguageReferences().Select(row => ((string)row[0], (string)row[1], (string)row[2]))
            .Where(r => r.Item1 != challenge && r.Item3 == language)
            .Select(r => ($"{r.Item1}/{r.Item2}", Path.Combine(Repository.Challenges, r.Item1, "reference", r.Item2)));
        // Not the other challenges' kits: they are the same scaffold as this challenge's, which the index excludes.
        return [.. corpus, .. references];
    }

    [Fact]
    public void The_disguise_renames_declared_names_and_replaces_comments_in_python_and_go()
    {
        var python = Read(Repository.Corpus("languages/python-kv-stdlib")).Single();
        var go = Read(Repository.Corpus("languages/go-kv-mutex")).Single();

        var disguisedPython = Disguise.Apply(python, 4);
        var disguisedGo = Disguise.Apply(go, 4);

        Assert.DoesNotContain("def changed_since(", disguisedPython, StringComparison.Ordinal);
        Assert.DoesNotContain("Every write bumps", disguisedPython, StringComparison.Ordinal);
        Assert.Contains("# note 1", disguisedPython, StringComparison.Ordinal);
        Assert.DoesNotContain("func newStore(", disguisedGo, StringComparison.Ordinal);
        Assert.Contains("// note 1", disguisedGo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_service_in_two_languages_shares_no_code()
    {
        // given: the same shape of service in C#, Python and Go
        var index = new SimilarityIndex([]);
        index.Add("csharp", Read(Path.Combine(Repository.Challenges, "api-design", "reference", "junior")));
        index.Add("python", Read(Repository.Corpus("languages/python-kv-fastapi")));
        index.Add("go", Read(Repository.Corpus("languages/go-kv-mutex")));

        // then: no token of one language equals a token of another, so nothing matches across them
        var kinds = index.Submissions.Select(s => s.Tokens.Kinds.Where(k => k != TokenStream.Boundary).ToHashSet()).ToList();
        Assert.Empty(kinds[0].Intersect(kinds[1]));
        Assert.Empty(kinds[1].Intersect(kinds[2]));
        Assert.Empty(kinds[0].Intersect(kinds[2]));
        Assert.All(index.ComparePairwise(), p => Assert.Equal(0, p.Similarity));
    }

    private static IReadOnlyList<SourceFile> Read(string folder) => SourceSet.Read(folder, InsightLimits.Default).Code;
}
