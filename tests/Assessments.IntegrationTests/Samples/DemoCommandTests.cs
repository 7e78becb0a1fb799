
namespace Assessments.IntegrationTests.Samples;

/// <summary>
/// <c>assess demo</c>, what the README's first command (<c>make demo</c>) runs: the quick look grades a
/// challenge's starter kit and its senior reference, prints both with their expected outcome and where
/// the reports are, and points to the whole set. One challenge, without its load profile (the command's
/// flow is under test here, the levels under load are the calibration tests' business).
/// </summary>
[Collection(DockerBesideCollection.Name)]
public sealed class DemoCommandTests(DockerFixture docker) : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("assess-demo-").FullName;
    private readonly string _challenges = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    [Fact]
    public async Task The_quick_look_grades_the_starter_and_the_senior_reference_and_says_where_the_reports_are()
    {
        var (exit, stdout, stderr) = await AssessProcess.RunAsync(TimeSpan.FromMinutes(10), "demo", "-c", Path.Combine(_challenges, "api-design"), "-o", _out);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("All 2 submissions got their expected outcome.", stdout, StringComparison.Ordinal);
        Assert.Contains("assess demo --all", stdout, StringComparison.Ordinal);
        Assert.Contains(_out, stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "api-design", "starter", "report.html")), "the starter's report");
        Assert.True(File.Exists(Path.Combine(_out, "api-design", "reference-senior", "report.html")), "the senior reference's report");
        Assert.Empty(await docker.LeftoversAsync());
    }

    public void Dispose()
    {
        Directory.Delete(_out, recursive: true);
        Directory.Delete(_challenges, recursive: true);
    }
}
