using Assessments.Domain.Challenges.Loading;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

public sealed class ChallengeLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_finds_no_problem_in_the_bundled_api_design_challenge()
    {
        var (challenge, problems) = ChallengeLoader.Validate(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"));

        Assert.Empty(problems);
        Assert.NotNull(challenge);
        Assert.Equal("api-design", challenge.Id);
        Assert.Contains(challenge.Scenarios, s => s.Id == "create-product");
    }

    [Fact]
    public void Validate_reports_every_mistake_of_a_broken_challenge_at_once()
    {
        // given
        BrokenChallenge.WriteTo(_folder);

        // when
        var (challenge, problems) = ChallengeLoader.Validate(_folder.Root);

        // then
        Assert.Null(challenge);
        AssertProblem(problems, "brief.md", "", "file is missing");
        AssertProblem(problems, "challenge.yaml", "$.pionts", "'pionts' is not a known key here");
        AssertProblem(problems, "scenarios.yaml", "scenarios[0].visibility", "'secret' must be 'visible' or 'hidden'");
        AssertProblem(problems, "scenarios.yaml", "scenarios[0].steps[0]", "'{{location}}' is used before any step captures it");
        AssertProblem(problems, "scenarios.yaml", "scenarios[0].steps[0].expect.json.$.id", "'@whatever' is not a known matcher");
        AssertProblem(problems, "rubric.yaml", "criteria[0].checks", "'no-such-check' is neither a scenario");
        AssertProblem(problems, "rubric.yaml", "levels.junior.requires", "'no-such-criterion' is not a criterion of this rubric");
        AssertProblem(problems, "rubric.yaml", "levels.senior.minScore", "is lower than junior's");
        Assert.DoesNotContain(problems, p => p.Message.Contains("'create' is neither", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_reports_invalid_yaml_with_its_line_beside_the_other_files_problems()
    {
        // given the manifest's third line opens a quote that never closes
        BrokenChallenge.WriteTo(_folder);
        _folder.Write("challenge.yaml", "id: broken\nversion: 1.0.0\ntitle: \"Broken\nservice:\n  port: 8080\n");

        var (_, problems) = ChallengeLoader.Validate(_folder.Root);

        var yaml = Assert.Single(problems, p => p.File == "challenge.yaml");
        Assert.StartsWith("line 3,", yaml.Where, StringComparison.Ordinal);
        AssertProblem(problems, "rubric.yaml", "criteria[0].checks", "'no-such-check'");
        AssertProblem(problems, "scenarios.yaml", "scenarios[0].visibility", "'secret'");
    }

    [Fact]
    public void Load_throws_with_every_problem_when_the_challenge_is_broken()
    {
        BrokenChallenge.WriteTo(_folder);

        var e = Assert.Throws<InvalidChallengeException>(() => ChallengeLoader.Load(_folder.Root));

        Assert.Equal(ChallengeLoader.Validate(_folder.Root).Problems, e.Problems);
        Assert.Contains("brief.md: file is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_folder_that_does_not_exist()
    {
        var (_, problems) = ChallengeLoader.Validate(_folder.PathOf("nowhere"));

        Assert.Equal("challenge folder does not exist", Assert.Single(problems).Message);
    }

    private static void AssertProblem(IReadOnlyList<ChallengeProblem> problems, string file, string where, string fragment) =>
        Assert.True(
            problems.Any(p => p.File == file && p.Where == where && p.Message.Contains(fragment, StringComparison.Ordinal)),
            $"No problem in {file} at '{where}' mentioning {fragment}. Found:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
}
