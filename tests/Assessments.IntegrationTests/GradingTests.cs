using Assessments.Pipeline;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Reporting;
using Assessments.Runner.Grading;
using Assessments.Runner.Sandbox;
using Assessments.Runner.Submissions;

namespace Assessments.IntegrationTests;

/// <summary>
/// Grades the challenge's starter kit and reference solutions for real: built by the Docker engine,
/// run in the hardened container, checked over HTTP, scored by the rubric.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class GradingTests(DockerFixture docker)
{
    public static TheoryData<string, string> GradedSubmissions() => new()
    {
        { "starter", "not-yet" },
        { "reference/junior", "junior" },
        { "reference/senior", "senior" },
    };

    [Theory]
    [MemberData(nameof(GradedSubmissions))]
    public async Task Submission_is_graded_at_its_expected_level_with_evidence_and_nothing_left_behind(string folder, string expectedLevel)
    {
        // given
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));
        var gradingId = "it" + Guid.NewGuid().ToString("n")[..10];
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipeline.Stages);

        // when
        var report = await grader.GradeAsync(new GradingRequest(challenge, Path.Combine(challenge.Directory, folder), GradingId: gradingId), null, CancellationToken.None);

        // then
        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message}");
        Assert.Equal(expectedLevel, report.Level.ToName());
        Assert.All(report.Criteria, c => Assert.NotEmpty(c.Evidence));
        Assert.Matches("^[0-9a-f]{64}$", report.Submission.Sha256);
        Assert.Contains(report.Contract.Checks, c => c.Id == "service.ready" && c.Passed);
        Assert.Empty(await ReportSchema.ErrorsAsync(ReportJson.Serialize(report)));
        Assert.Empty(await docker.LeftoversAsync(gradingId));
    }

    [Fact]
    public async Task Failed_checks_carry_the_exchange_and_a_curl_command_that_reproduces_them()
    {
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipeline.Stages);

        var report = await grader.GradeAsync(new GradingRequest(challenge, Path.Combine(challenge.Directory, "starter")), null, CancellationToken.None);

        var failed = report.Contract.Checks.First(c => c.Id == "create-product");
        Assert.False(failed.Passed);
        var exchange = failed.Evidence.Last().Exchange!;
        Assert.Equal(501, exchange.Response!.Status);
        Assert.StartsWith("curl -i -X POST 'http://localhost:8080/products'", exchange.Curl, StringComparison.Ordinal);
        Assert.Contains("status 501, expected 201", failed.Summary, StringComparison.Ordinal);
    }
}
