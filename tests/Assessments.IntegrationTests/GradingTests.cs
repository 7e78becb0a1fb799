using Assessments.Pipeline;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Reporting;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;

namespace Assessments.IntegrationTests;

/// <summary>
/// Grades the challenge's starter kit for real, in this process with the platform's own stage list:
/// built by the Docker engine, run in the hardened container, checked over HTTP, scored by the rubric.
/// (The reference solutions are graded by the calibration tests, through the command line.) Without
/// the load profile, which the starter fails whatever the host does: this runs beside other tests.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class GradingTests(DockerFixture docker) : IDisposable
{
    private readonly string _challenges = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    public void Dispose() => Directory.Delete(_challenges, recursive: true);

    [Fact]
    public async Task The_starter_is_graded_not_yet_with_evidence_a_curl_command_per_failure_and_nothing_left_behind()
    {
        // given
        var challenge = ChallengeLoader.Load(Path.Combine(_challenges, "api-design"));
        var gradingId = "it" + Guid.NewGuid().ToString("n")[..10];
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipelines.Full);

        // when
        var report = await grader.GradeAsync(new GradingRequest(challenge, Path.Combine(challenge.Directory, "starter"), GradingId: gradingId), null, CancellationToken.None);

        // then it is graded, completely and validly
        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message}");
        Assert.Equal(Level.NotYet, report.Level);
        Assert.All(report.Criteria, c => Assert.NotEmpty(c.Evidence));
        Assert.Matches("^[0-9a-f]{64}$", report.Submission.Sha256);
        Assert.Contains(report.Contract.Checks, c => c.Id == BuiltInChecks.ServiceReady && c.Passed);
        Assert.Empty(await ReportSchema.ErrorsAsync(ReportJson.Serialize(report)));
        Assert.Empty(await docker.LeftoversAsync(gradingId));

        // and a failed check carries the exchange and a curl command that reproduces it
        var failed = report.Contract.Checks.First(c => c.Id == "create-product");
        Assert.False(failed.Passed);
        var exchange = failed.Evidence.Last().Exchange!;
        Assert.Equal(501, exchange.Response!.Status);
        Assert.StartsWith("curl -i -X POST 'http://localhost:8080/products'", exchange.Curl, StringComparison.Ordinal);
        Assert.Contains("status 501, expected 201", failed.Summary, StringComparison.Ordinal);
    }
}
