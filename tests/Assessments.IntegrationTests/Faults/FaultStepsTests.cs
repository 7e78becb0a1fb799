using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;

namespace Assessments.IntegrationTests.Faults;

/// <summary>
/// Grades the tests' own faults challenge for real: the upstream stub on the grading network, bursts,
/// faults, a kill -9 and a SIGTERM of the real container with restarts, the data volume across them,
/// and a stage after the restarts that finds the service where the container now is, all with their
/// evidence in the report.
/// </summary>
[Collection(DockerThirdCollection.Name)]
public sealed class FaultStepsTests(DockerFixture docker)
{
    private static readonly GradingPipeline Pipeline = GradingPipeline.Of(new ScenarioStage(), new AddressAfterRestartsStage());

    private static string ChallengeFolder => Path.Combine(RepositoryPaths.Root, "tests", "Assessments.IntegrationTests", "Submissions", "faults-challenge");

    [Fact]
    public async Task Fault_steps_run_against_real_containers_and_their_evidence_reaches_the_report()
    {
        // given
        var challenge = ChallengeLoader.Load(ChallengeFolder);
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, Pipeline);

        // when graded, again after a platform fault as `assess grade` does
        GradingReport report;
        var attempt = 0;
        do
        {
            var gradingId = "itf" + Guid.NewGuid().ToString("n")[..9];
            report = await grader.GradeAsync(new GradingRequest(challenge, Path.Combine(challenge.Directory, "reference"), GradingId: gradingId), null, CancellationToken.None);
            Assert.Empty(await docker.LeftoversAsync(gradingId));
        }
        while (report.Status == ReportStatus.InfrastructureError && ++attempt < 3);

        // then every scenario but the impossible one passed, each with the evidence of its steps
        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message}");
        var checks = report.Contract.Checks.ToDictionary(c => c.Id);
        foreach (var id in new[] { "upstream-read", "burst-effects", "upstream-outage", "kill-restart", "term-restart", "service.survived", AddressAfterRestartsStage.CheckId })
        {
            Assert.True(checks[id].Passed, $"{id}: {checks[id].Summary}\n{EvidenceText.Of(checks[id].Evidence)}");
        }

        var kill = EvidenceText.Of(checks["kill-restart"].Evidence);
        Assert.Contains("SIGKILL sent at", kill, StringComparison.Ordinal);
        Assert.Contains("exited with code 137", kill, StringComparison.Ordinal);
        Assert.Contains("ready again after", kill, StringComparison.Ordinal);
        Assert.Contains("restarted it 1 time(s)", kill, StringComparison.Ordinal);
        Assert.Contains("exited with code 0", EvidenceText.Of(checks["term-restart"].Evidence), StringComparison.Ordinal);
        Assert.Contains("collected 12 value(s) into 'accepted'", EvidenceText.Of(checks["burst-effects"].Evidence), StringComparison.Ordinal);
        Assert.Contains("12 of 12 reference(s) in 'accepted' as expected", EvidenceText.Of(checks["burst-effects"].Evidence), StringComparison.Ordinal);
        Assert.Contains("traceparents: 1 recorded", EvidenceText.Of(checks["upstream-read"].Evidence), StringComparison.Ordinal);

        // and the impossible expectation failed, naming the step and showing the stub's counters
        var wrong = checks["wrong-on-purpose"];
        Assert.False(wrong.Passed);
        Assert.Contains("step 2 (expectUpstream): totalCalls is 1, expected ==99", wrong.Summary, StringComparison.Ordinal);
        Assert.Contains(wrong.Evidence, e => e.Lines?.Contains("totalCalls = 1 (expected ==99)") == true);

        Assert.Empty(await ReportSchema.ErrorsAsync(ReportJson.Serialize(report)));
    }
}
