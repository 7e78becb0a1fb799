using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;

namespace Assessments.Contract.Tests.Support;

/// <summary>Grades a submission folder for real (Docker build, hardened run) with the scenario and contract stages.</summary>
internal sealed class MutantGrading(DockerFixture docker)
{
    public Challenge Challenge { get; } = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));

    public string Reference => Path.Combine(Challenge.Directory, "reference", "senior");

    public async Task<GradingReport> GradeAsync(string submission, int seed = 1)
    {
        var gradingId = "ct" + Guid.NewGuid().ToString("n")[..10];
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipeline.Of(new ScenarioStage(), new ContractStage()));
        var report = await grader.GradeAsync(new GradingRequest(Challenge, submission, seed, gradingId), null, CancellationToken.None);
        Assert.Empty(await docker.LeftoversAsync(gradingId));
        Assert.True(report.Status == ReportStatus.Graded, $"{submission}: {report.Status} {report.Failure?.Message} {string.Join(" | ", report.Failure?.LogTail ?? [])}");
        return report;
    }
}
