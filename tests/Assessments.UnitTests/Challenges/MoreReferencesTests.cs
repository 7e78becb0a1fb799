using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scoring;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

/// <summary>
/// <c>moreReferences:</c> adds references of a level in other languages beside the primary one under
/// <c>references:</c>, which keeps its place first (the load baseline measures it).
/// </summary>
public sealed class MoreReferencesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_bundled_challenges_list_their_other_language_references_after_the_primary_ones()
    {
        var expected = new Dictionary<string, string>
        {
            ["api-design"] = "senior (go)",
            ["caching"] = "engineer-ii (python)",
            ["queues"] = "senior (go)",
        };

        foreach (var (id, name) in expected)
        {
            var challenge = ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", id));

            var further = Assert.Single(challenge.References, r => !r.IsPrimary);
            Assert.Equal(name, further.Name);
            Assert.Equal(4, challenge.References.Count(r => r.IsPrimary));
            Assert.Equal(challenge.References.Count - 1, challenge.References.ToList().IndexOf(further));
            Assert.Equal(Path.GetFileName(further.Directory), further.Slug);
        }
    }

    [Fact]
    public void A_further_reference_is_named_by_its_language_and_a_primary_one_by_its_level_alone()
    {
        var primary = new ReferenceSolution(Level.Senior, "/r/senior");
        var go = new ReferenceSolution(Level.Senior, "/r/senior-go") { Language = "go" };

        Assert.Equal(("senior", "senior", true), (primary.Name, primary.Slug, primary.IsPrimary));
        Assert.Equal(("senior (go)", "senior-go", false), (go.Name, go.Slug, go.IsPrimary));
    }

    [Fact]
    public void Validate_names_every_bad_entry_of_more_references()
    {
        // given: a sound challenge whose moreReferences has an unknown level, a missing folder, a
        // folder without a Dockerfile, a level with no primary reference, a repeat and a missing language
        var root = Challenge("""
            moreReferences:
              - { level: principal, path: reference/senior-go, language: go }
              - { level: senior, path: reference/nowhere, language: rust }
              - { level: senior, path: reference/empty, language: java }
              - { level: not-yet, path: reference/senior-go, language: go }
              - { level: senior, path: reference/senior-go, language: go }
              - { level: senior, path: reference/senior-go, language: go }
              - { level: senior, path: reference/senior-go }
            """, withoutPrimary: "not-yet");
        _folder.Write("api-design/reference/empty/README.md", "no Dockerfile here");

        // when
        var (challenge, problems) = ChallengeLoader.Validate(root);

        // then
        Assert.Null(challenge);
        AssertProblem(problems, "moreReferences[0].level", "'principal' is not a level");
        AssertProblem(problems, "moreReferences[1].path", "'reference/nowhere' does not exist");
        AssertProblem(problems, "moreReferences[2].path", "'reference/empty' has no Dockerfile");
        AssertProblem(problems, "moreReferences[3].level", "'not-yet' has no reference under references");
        AssertProblem(problems, "moreReferences[5].language", "'senior (go)' reference is listed twice");
        AssertProblem(problems, "moreReferences[6].language", "is required");
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void The_load_baseline_stays_with_the_primary_reference_of_its_level()
    {
        var (challenge, problems) = ChallengeLoader.Validate(Challenge("""
            moreReferences:
              - { level: senior, path: reference/senior-go, language: go }
            """));

        Assert.Empty(problems);
        Assert.Equal(Level.Senior, challenge!.Load!.Baseline!.Reference);
        var first = challenge.References.First(r => r.ExpectedLevel == challenge.Load.Baseline.Reference);
        Assert.True(first.IsPrimary);
        Assert.Equal("senior", Path.GetFileName(first.Directory));
    }

    /// <summary>
    /// A copy of the api-design challenge's files (not its solutions) with stub references, its
    /// moreReferences replaced by <paramref name="more"/>, and optionally one level's primary reference left out.
    /// </summary>
    private string Challenge(string more, string? withoutPrimary = null)
    {
        var source = Path.Combine(RepositoryPaths.Root, "challenges", "api-design");
        foreach (var file in new[] { "brief.md", "openapi.yaml", "scenarios.yaml", "rubric.yaml", "starter/Dockerfile" })
        {
            _folder.Write(Path.Combine("api-design", file), File.ReadAllText(Path.Combine(source, file)));
        }

        foreach (var solution in new[] { "reference/senior", "reference/engineer-ii", "reference/junior", "reference/not-yet", "reference/senior-go", "samples/broken-build", "samples/exits-at-start" })
        {
            _folder.Write($"api-design/{solution}/Dockerfile", "FROM scratch\n");
        }

        var manifest = File.ReadAllText(Path.Combine(source, "challenge.yaml"));
        var start = manifest.IndexOf("moreReferences:", StringComparison.Ordinal);
        var end = manifest.IndexOf("# Bundled", StringComparison.Ordinal);
        manifest = manifest[..start] + more + "\n" + manifest[end..];
        if (withoutPrimary is not null)
        {
            manifest = manifest.Replace($"  {withoutPrimary}: reference/{withoutPrimary}\n", string.Empty, StringComparison.Ordinal);
        }

        _folder.Write("api-design/challenge.yaml", manifest);
        return _folder.PathOf("api-design");
    }

    private static void AssertProblem(IReadOnlyList<ChallengeProblem> problems, string where, string fragment) =>
        Assert.True(
            problems.Any(p => p.File == "challenge.yaml" && p.Where == where && p.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected a problem at {where} containing '{fragment}'; got:\n{string.Join('\n', problems)}");
}
