using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;

namespace Assessments.IntegrationTests;

[Collection(DockerCollection.Name)]
public sealed class SandboxTests(DockerFixture docker)
{
    [Fact]
    public async Task Service_runs_non_root_without_capabilities_on_a_read_only_root_with_a_process_limit()
    {
        // given a submission that exits 3 at start unless it finds itself inside the promised sandbox
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));
        var probe = Path.Combine(AppContext.BaseDirectory, "Submissions", "sandbox-probe");
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipeline.Of(new ScenarioStage()));

        // when
        var report = await grader.GradeAsync(new GradingRequest(challenge, probe), null, CancellationToken.None);

        // then it started (service.ready) and said so in its log
        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message} {string.Join(" | ", report.Failure?.LogTail ?? [])}");
        Assert.Contains(report.ServiceLogTail, line => line.Contains("sandbox ok", StringComparison.Ordinal));
    }
}
