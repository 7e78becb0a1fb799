using System.Text.Json.Nodes;
using Assessments.Domain.Challenges.Loading;

namespace Assessments.IntegrationTests.Samples;

/// <summary>
/// Samples are part of a challenge's contract: every <c>samples:</c> entry of every challenge gets the
/// outcome its challenge.yaml declares, graded by <c>assess grade</c> as a candidate would. Samples
/// another test already grades (with closer assertions) are not graded twice; the list of those is
/// checked against the challenges, so a sample can be neither forgotten nor expected differently.
/// A sample's declared outcome never rests on latency (the starters fail their checks, the others never
/// start), so they are graded without the load profile, beside other tests.
/// </summary>
[Collection(DockerBesideCollection.Name)]
public sealed class SampleOutcomeTests(DockerFixture docker) : IDisposable
{
    /// <summary>challenge/sample → the outcome the test that grades it asserts.</summary>
    private static readonly Dictionary<string, string> GradedElsewhere = new(StringComparer.Ordinal)
    {
        ["api-design/starter"] = "not-yet", // GradingTests, and through the platform by PlatformUpTests
        ["api-design/broken-build"] = "build_failed", // CliTests
        ["api-design/exits-at-start"] = "start_failed", // CliTests
    };

    /// <summary>What the report of a sample that fails on purpose says about why.</summary>
    private static readonly Dictionary<string, string> FailureSays = new(StringComparer.Ordinal)
    {
        ["caching/wrong-port"] = "it listens on port 5000, not 8080",
        ["queues/writes-outside-data-dir"] = "Read-only file system",
    };

    private readonly string _out = Directory.CreateTempSubdirectory("assess-samples-").FullName;
    private readonly string _challenges = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    public static TheoryData<string, string> SamplesToGrade()
    {
        var data = new TheoryData<string, string>();
        foreach (var (challenge, sample, _, _) in DeclaredSamples().Where(s => !GradedElsewhere.ContainsKey($"{s.Challenge}/{s.Sample}")))
        {
            data.Add(challenge, sample);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesToGrade))]
    public async Task The_sample_gets_the_outcome_its_challenge_declares(string challenge, string sample)
    {
        var declared = DeclaredSamples().Single(s => s.Challenge == challenge && s.Sample == sample);

        var (exit, stdout, stderr) = await AssessProcess.RunAsync(TimeSpan.FromMinutes(15), "grade", "-c", Path.Combine(_challenges, challenge), "-s", declared.Path, "-o", _out);

        Assert.True(exit == 0, stdout + stderr);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "report.json")))!;
        var status = (string?)report["status"];
        var level = (string?)report["level"];
        var given = status == "graded" ? level : status;
        Assert.True(given == declared.Expected, $"{challenge}/{sample}: expected {declared.Expected}, given {given} ({status}, {level}, {report["score"]} points): {report["failure"]?["message"]}");
        if (FailureSays.TryGetValue($"{challenge}/{sample}", out var says))
        {
            Assert.Contains(says, report["failure"]!.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Empty(await docker.LeftoversAsync());
    }

    [Fact]
    public void The_samples_graded_by_other_tests_are_declared_with_the_outcome_those_tests_assert()
    {
        var declared = DeclaredSamples().ToDictionary(s => $"{s.Challenge}/{s.Sample}", s => s.Expected, StringComparer.Ordinal);

        Assert.True(declared.Count >= 7, $"expected the bundled samples, found {declared.Count}");
        foreach (var (sample, expected) in GradedElsewhere)
        {
            Assert.True(declared.TryGetValue(sample, out var stated), $"{sample} is no longer a sample");
            Assert.True(stated == expected, $"{sample}: challenge.yaml expects {stated}, the test that grades it asserts {expected}");
        }
    }

    public void Dispose()
    {
        Directory.Delete(_out, recursive: true);
        Directory.Delete(_challenges, recursive: true);
    }

    private static IEnumerable<(string Challenge, string Sample, string Expected, string Path)> DeclaredSamples() =>
        Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "challenges")).Order(StringComparer.Ordinal)
            .Select(ChallengeLoader.Load)
            .SelectMany(c => c.Samples.Select(s => (c.Id, s.Name, s.Expected, s.Directory)));
}
