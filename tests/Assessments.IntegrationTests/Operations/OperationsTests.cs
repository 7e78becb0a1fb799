using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Reporting;
using Assessments.Runner.Grading;
using Assessments.Runner.Grading.Baselines;
using Assessments.Runner.Operations;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;

namespace Assessments.IntegrationTests.Operations;

/// <summary>
/// The operations checks where the references do not reach them: a bare listener built and run in the
/// hardened container and signalled with a real SIGTERM, and a baseline that cannot be measured. (The
/// references' operations checks and baselines are read from the calibration run's reports.)
/// </summary>
[Collection(DockerFourthCollection.Name)]
public sealed class OperationsTests(DockerFixture docker)
{
    private static readonly Challenge ApiDesign = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));

    [Fact]
    public async Task A_service_that_does_not_handle_sigterm_is_killed_by_it_and_fails_with_exit_code_143()
    {
        var submission = Path.Combine(AppContext.BaseDirectory, "Submissions", "ops-plain-listener");

        var operations = new OperationsStage();
        var report = await GradeAsync(ApiDesign, submission, new GradingPipeline(null, [operations], [operations]));

        var shutdown = Check(report, OperationsChecks.GracefulShutdown);
        Assert.False(shutdown.Passed);
        Assert.Contains("exit code 143", shutdown.Summary, StringComparison.Ordinal);
        var logs = Check(report, OperationsChecks.StructuredLogs);
        Assert.False(logs.Passed);
        Assert.Contains(logs.Evidence, e => e.Lines?.Contains("listening") == true);
        Assert.True(Check(report, BuiltInChecks.ServiceSurvived).Passed, "survival is decided before the signal");
    }

    [Fact]
    public async Task Relative_thresholds_fail_closed_when_the_reference_does_not_build()
    {
        // given api-design whose senior reference is the sample that does not build, and a load so light
        // (20 req/s for 2 s) that a busy host cannot put its generator behind: what this test judges is
        // the missing baseline, not a latency, so it runs beside the others (scripts/test.sh, phase 1)
        using var temp = new TemporaryChallenge(ApiDesign.Directory);
        temp.Edit("challenge.yaml", text => text
            .Replace("senior: reference/senior", "senior: samples/broken-build", StringComparison.Ordinal)
            .Replace("rate: 100", "rate: 20", StringComparison.Ordinal)
            .Replace("durationSeconds: 8", "durationSeconds: 2", StringComparison.Ordinal)
            .Replace("warmupSeconds: 2", "warmupSeconds: 1", StringComparison.Ordinal));
        var challenge = ChallengeLoader.Load(temp.Directory);
        Assert.Equal(20, challenge.Load!.Rate);
        var store = new BaselineStore(Path.Combine(temp.Directory, "baselines"));

        // when
        var report = await GradeAsync(challenge, Path.Combine(ApiDesign.Directory, "reference", "junior"), GradingPipeline.Of(new LoadStage(store)));

        // then
        Assert.Equal(ReportStatus.Graded, report.Status);
        var load = Check(report, BuiltInChecks.LoadThresholds);
        Assert.False(load.Passed);
        Assert.Contains("not judged: the senior reference could not be measured: build_failed", load.Summary, StringComparison.Ordinal);
        Assert.Null(report.Load.Baseline?.Figures);
        Assert.Empty(Directory.Exists(store.Directory) ? Directory.GetFiles(store.Directory) : []);
    }

    private async Task<GradingReport> GradeAsync(Challenge challenge, string submission, GradingPipeline pipeline)
    {
        var gradingId = "op" + Guid.NewGuid().ToString("n")[..10];
        var path = Path.IsPathRooted(submission) ? submission : Path.Combine(challenge.Directory, submission);
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, pipeline);
        var report = await grader.GradeAsync(new GradingRequest(challenge, path, GradingId: gradingId), null, CancellationToken.None);
        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message}\n{string.Join("\n", report.Failure?.LogTail ?? [])}");
        Assert.Empty(await ReportSchema.ErrorsAsync(ReportJson.Serialize(report)));
        Assert.Empty(await docker.LeftoversAsync(gradingId));
        return report;
    }

    private static CheckReport Check(GradingReport report, string id) => report.Contract.Checks.Single(c => c.Id == id);

    /// <summary>A copy of a challenge folder that a test may edit.</summary>
    private sealed class TemporaryChallenge : IDisposable
    {
        public TemporaryChallenge(string source)
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("assess-challenge-").FullName;
            foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Directory, Path.GetRelativePath(source, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Directory { get; }

        public void Edit(string file, Func<string, string> change) =>
            File.WriteAllText(Path.Combine(Directory, file), change(File.ReadAllText(Path.Combine(Directory, file))));

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
