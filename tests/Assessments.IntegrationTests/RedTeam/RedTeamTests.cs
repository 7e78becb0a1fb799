using Assessments.Pipeline;
using System.Diagnostics;
using System.Net.NetworkInformation;
using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Hosts;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Reporting;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet.Models;
using Xunit.Abstractions;

namespace Assessments.IntegrationTests.RedTeam;

/// <summary>
/// Hostile submissions, each graded for real, three at a time on seats of one grading slot like a
/// runner sharing its slots would meet them (so a CPU-eater beside another case is part of the test).
/// Every one must end as a report with the expected status and evidence, nothing may be left behind,
/// the host listener must see no connection, disk use must come back, and a good submission must
/// still grade right after. Graded without the load profile (the cases are about the sandbox, the
/// good submission about the host still working).
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Schedule", "Alone")] // hostile services eat the CPU on purpose: beside other tests they slowed every one of them (20 min in phase 1)
public sealed class RedTeamTests(DockerFixture docker, ITestOutputHelper output) : IDisposable
{
    // Most cases wait out a timeout (readiness, build) rather than work: three at once keep both cores busy.
    private const int CasesAtOnce = 3;

    private readonly string _root = Directory.CreateTempSubdirectory("assess-redteam-").FullName;
    private readonly string _challenges = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    [Fact]
    public async Task Hostile_submissions_end_as_graded_outcomes_and_leave_the_host_untouched()
    {
        // given
        using var listener = new HostListener();
        // The host's address on Docker's default bridge: where a build container would find the host.
        var gateway = NetworkInterface.GetAllNetworkInterfaces().Where(n => n.Name == "docker0")
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address.ToString())
            .FirstOrDefault(a => a.Contains('.', StringComparison.Ordinal)) ?? "172.17.0.1";
        var challenge = ChallengeLoader.Load(Path.Combine(_challenges, "api-design"));
        var diskBefore = DockerDiskUsedBytes();
        var containersBefore = (await docker.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true })).Count;
        var failures = new List<string>();
        var seats = HostSlots.ForThisHost().WithSeats(CasesAtOnce);
        using var turns = new SemaphoreSlim(CasesAtOnce);

        // when every case is graded, a few side by side
        await Task.WhenAll(RedTeamCases.All(listener.Port, gateway).Select(async c =>
        {
            await turns.WaitAsync();
            try
            {
                var line = await GradeAsync(c, challenge, seats);
                lock (failures)
                {
                    output.WriteLine(line.Text);
                    if (line.Failure is { } failure)
                    {
                        failures.Add(failure);
                    }
                }
            }
            finally
            {
                turns.Release();
            }
        }));

        // then a good submission still grades as it should
        var good = await new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipelines.Full)
            .GradeAsync(new GradingRequest(challenge, Path.Combine(challenge.Directory, "reference", "senior")), null, CancellationToken.None);
        var containersAfter = (await docker.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true })).Count;
        var diskGrowth = DockerDiskUsedBytes() - diskBefore;
        output.WriteLine($"host listener connections: {listener.Connections}; disk growth: {diskGrowth / 1024 / 1024} MB; containers before/after: {containersBefore}/{containersAfter}");

        Assert.Empty(failures);
        Assert.Equal(Level.Senior, good.Level);
        Assert.Equal(0, listener.Connections);
        Assert.Equal(containersBefore, containersAfter);
        Assert.True(diskGrowth < 100L * 1024 * 1024, $"disk use grew by {diskGrowth / 1024 / 1024} MB");
    }

    /// <summary>Grades one case; the line for the test output, and why it failed when it did.</summary>
    private async Task<(string Text, string? Failure)> GradeAsync(RedTeamCase c, Challenge challenge, HostSlots seats)
    {
        var clock = Stopwatch.StartNew();
        var limits = c.Limits ?? SandboxLimits.Default;
        var graded = c.ReadinessTimeout is { } timeout ? challenge with { Service = challenge.Service with { ReadinessTimeout = timeout } } : challenge;
        graded = c.Overrides is { } overrides ? graded with { Sandbox = overrides } : graded;
        var grader = new Grader(docker.Docker, limits, SubmissionLimits.Default, GradingPipeline.Of(new ScenarioStage()), slots: seats);
        var gradingId = "rt" + Guid.NewGuid().ToString("n")[..10];
        var report = await grader.GradeAsync(new GradingRequest(graded, c.Make(_root), GradingId: gradingId), null, CancellationToken.None);
        try
        {
            c.Expect(report);
            Assert.True(ReportJson.Serialize(report).Length < 1_000_000, "the report stays small");
            Assert.Empty(await docker.LeftoversAsync(gradingId));
            return ($"ok   {c.Name,-22} {report.Status.ToName(),-14} {report.Level.ToName(),-8} {clock.Elapsed.TotalSeconds,5:0.0} s  {report.Failure?.Message ?? string.Empty}", null);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            return ($"FAIL {c.Name,-22} {report.Status.ToName(),-14} {clock.Elapsed.TotalSeconds,5:0.0} s  {report.Failure?.Message} {string.Join(" | ", report.ServiceLogTail.TakeLast(3))}", $"{c.Name}: {e.Message}");
        }
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_challenges, recursive: true);
    }

    /// <summary>Used bytes of the file system Docker keeps images, containers and logs on.</summary>
    private static long DockerDiskUsedBytes()
    {
        var drive = new DriveInfo(Directory.Exists("/var/lib/docker") ? "/var/lib/docker" : "/");
        return drive.TotalSize - drive.TotalFreeSpace;
    }
}
