using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Pipeline;
using Assessments.Runner.Grading;
using Assessments.Submissions.Sandbox;
using Assessments.Submissions;

namespace Assessments.IntegrationTests;

/// <summary>
/// Every challenge's starter in Python, Go, Node.js and Java builds offline from the platform's own toolchain
/// images (scripts/ensure-toolchain-images.sh), starts in the hardened container as the non-root user,
/// answers its health checks, stops on SIGTERM and is graded not-yet, like the C# one: the briefs'
/// "any language" is true for these. Without the load profile (a starter fails it whatever the host does).
/// </summary>
[Collection(DockerThirdCollection.Name)]
public sealed class LanguageStarterTests(DockerFixture docker) : IDisposable
{
    private readonly string _challenges = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    public void Dispose() => Directory.Delete(_challenges, recursive: true);

    [Theory]
    [InlineData("api-design", "python")]
    [InlineData("api-design", "go")]
    [InlineData("api-design", "node")]
    [InlineData("api-design", "java")]
    [InlineData("caching", "python")]
    [InlineData("caching", "go")]
    [InlineData("caching", "node")]
    [InlineData("caching", "java")]
    [InlineData("queues", "python")]
    [InlineData("queues", "go")]
    [InlineData("queues", "node")]
    [InlineData("queues", "java")]
    public async Task The_starter_builds_starts_and_is_graded_not_yet(string id, string language)
    {
        // given
        await ToolchainImages.EnsureAsync();
        var challenge = ChallengeLoader.Load(Path.Combine(_challenges, id));
        var starter = challenge.StarterDirectoryFor(language) ?? throw new InvalidOperationException($"{id} offers no {language} starter");
        var gradingId = "lang" + Guid.NewGuid().ToString("n")[..10];
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipelines.ServiceChecksOnly);

        // when
        var report = await grader.GradeAsync(new GradingRequest(challenge, starter, GradingId: gradingId), null, CancellationToken.None);

        // then
        Assert.True(report.Status == ReportStatus.Graded, $"{id}/{language}: {report.Status}: {report.Failure?.Message} {string.Join(" | ", report.BuildLogTail ?? [])}");
        Assert.Equal(Level.NotYet, report.Level);
        Assert.Contains(report.Contract.Checks, c => c.Id == BuiltInChecks.ServiceReady && c.Passed);
        Assert.Contains(report.Contract.Checks, c => c.Id == BuiltInChecks.ServiceSurvived && c.Passed);
        Assert.Contains(report.Contract.Checks, c => !c.Passed && c.Evidence.Any(e => e.Exchange?.Response?.Status == 501));
        Assert.Empty(await docker.LeftoversAsync(gradingId));
    }
}
