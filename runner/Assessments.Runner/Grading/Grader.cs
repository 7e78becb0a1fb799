using System.Diagnostics;
using Assessments.Domain.Challenges;
using Assessments.Domain.Hosts;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Runner.Dependencies;
using Assessments.Runner.Docker;
using Assessments.Runner.Hosts;
using Assessments.Runner.Sandbox;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assessments.Runner.Grading;

/// <summary>
/// Grades one submission end to end: intake, image build, hardened start, readiness, scenarios,
/// scoring, and removal of everything it created. A candidate's fault ends as a graded report with
/// evidence; only a platform fault becomes <c>infrastructure_error</c>. What it checks is the
/// <see cref="GradingPipeline"/> it is given, nothing else. A grading runs in one of the host's grading
/// slots (<see cref="HostSlots"/>): the caller's, or one it waits for. Where gradings share a slot, each
/// step runs as a turn (<see cref="SlotTurns"/>) and a stage that measures runs alone.
/// </summary>
public sealed partial class Grader(
    IDockerClient docker,
    SandboxLimits limits,
    SubmissionLimits intake,
    GradingPipeline pipeline,
    ILogger<Grader>? logger = null,
    HostSlots? slots = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<Grader>.Instance;

    public async Task<GradingReport> GradeAsync(GradingRequest request, IProgress<GradingProgress>? progress, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        using var lease = request.Slot is null ? await AcquireSlotAsync(progress, cancellationToken) : null;
        var slot = request.Slot ?? lease!.Slot;
        using var pinned = GeneratorPinning.Hold(slot);
        var gradingId = request.GradingId ?? Guid.NewGuid().ToString("n")[..12];
        var seat = lease ?? request.Seat;
        using var listed = seat?.Join(gradingId);
        await using var turns = new SlotTurns(docker, seat, gradingId);
        var clock = new PhaseClock();
        var sandbox = limits.With(request.Challenge.Sandbox).On(slot);
        var report = new ReportBuilder(request, clock, sandbox)
        {
            Slot = slot.Describe(),
            SlotWaitMs = lease is null ? null : Math.Round(waited.Elapsed.TotalMilliseconds, 1),
        };
        var createdImages = new List<string>();
        using var job = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        job.CancelAfter(sandbox.JobTimeout);
        LogGradingStarted(_logger, gradingId, request.Challenge.Id, request.SubmissionPath);
        try
        {
            await turns.NextAsync(alone: false, job.Token);
            report.DockerVersion = (await docker.System.GetVersionAsync(job.Token)).Version;
            progress?.Report(new GradingProgress(Phases.Intake, "checking the submission"));
            using var submission = await clock.TimeAsync(Phases.Intake, () => Task.FromResult(SubmissionIntake.Stage(request.SubmissionPath, intake)));
            report.Submission = new SubmissionRef(submission.ComputeSha256(), submission.Name, submission.Files.Count, submission.TotalBytes);
            var baseImages = CheckDockerfile(submission, sandbox);
            var insight = SubmissionAnalyzers.Start(pipeline.Analyzer, request.Challenge, submission.Root, job.Token);
            return await RunAsync(gradingId, request with { Slot = slot }, submission, baseImages, sandbox, report, createdImages, insight, turns, progress, job.Token);
        }
        catch (SubmissionRejectedException e)
        {
            return report.Rejected(e);
        }
        catch (BuildFailedException e)
        {
            return report.BuildFailed(e);
        }
        catch (StartFailedException e)
        {
            return report.StartFailed(e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return report.StartFailed(new StartFailedException(
                $"grading did not finish within {sandbox.JobTimeout.TotalMinutes:0} minutes", "job_timeout", null, report.ServiceLogTail));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Docker errors, a full disk, or a defect of the runner itself: the platform's fault,
            // never the candidate's, and still a report that says what happened.
            LogInfrastructureError(_logger, gradingId, e);
            return report.InfrastructureError(e);
        }
        finally
        {
            // Stops what the grading started and no longer waits for (code insight after a failed build).
            await job.CancelAsync();
            progress?.Report(new GradingProgress(Phases.Cleanup, "removing containers, network and image"));
            await turns.NextAsync(alone: false, CancellationToken.None);
            await clock.TimeAsync(Phases.Cleanup, async () =>
            {
                var reaper = new Reaper(docker);
                return await reaper.RemoveAsync(gradingId, CancellationToken.None) + await reaper.RemoveImagesAsync(createdImages, CancellationToken.None);
            });
        }
    }

    private async Task<GradingReport> RunAsync(
        string gradingId,
        GradingRequest request,
        StagedSubmission submission,
        IReadOnlyList<string> baseImages,
        SandboxLimits sandbox,
        ReportBuilder report,
        List<string> createdImages,
        Task<SubmissionInsight?> insight,
        SlotTurns turns,
        IProgress<GradingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var labels = Labels.For(gradingId, report.Submission!.Sha256);
        var challenge = request.Challenge;
        var tag = await report.Clock.TimeAsync(Phases.Build, () => BuildOrReuseAsync(gradingId, submission, baseImages, sandbox, report, labels, createdImages, progress, cancellationToken));

        // Code insight ran beside the build; it finishes before the service starts so that a long bind
        // never shares the CPU with the latency measurements.
        if (!insight.IsCompleted)
        {
            progress?.Report(new GradingProgress(SubmissionAnalyzers.Phase, "finishing the code analysis"));
            await insight;
        }

        await turns.NextAsync(alone: false, cancellationToken);
        progress?.Report(new GradingProgress(Phases.Start, "starting the service and waiting until it is ready"));
        var containers = new ServiceContainer(docker, sandbox);
        using var http = ServiceClient.Create(challenge.Service.RequestTimeout);
        using var dependencies = new GradingDependencies(docker, sandbox.UpstreamCpuSet);
        var (serviceUri, readiness) = await report.Clock.TimeAsync(Phases.Start, async () =>
        {
            var networkName = $"assessments-{gradingId}";
            var networkId = await new GradingNetwork(docker).CreateAsync(networkName, HostIsolation.BridgeNameFor(gradingId), labels, cancellationToken, GradingDependencies.NeedContainerTraffic(challenge));
            await dependencies.StartAsync(challenge, request.Seed, gradingId, networkName, labels, cancellationToken);
            var containerId = await containers.CreateAsync($"assessments-{gradingId}-service", tag, networkId, challenge.Service.Port, labels, cancellationToken, dependencies.Additions);
            report.ContainerId = containerId;
            await dependencies.PrepareVolumeAsync(containerId, gradingId, labels, cancellationToken);
            await containers.StartAsync(containerId, cancellationToken);
            var started = await containers.InspectAsync(containerId, cancellationToken);
            if (!started.State.Running)
            {
                // Exited before it could even be looked at: it has no address on the network any more.
                return (null, ReadinessResult.Exited(started.State.ExitCode, started.State.OOMKilled, TimeSpan.Zero));
            }

            var address = started.NetworkSettings.Networks.Values.First().IPAddress;
            var uri = new Uri($"http://{address}:{challenge.Service.Port}");
            var result = await new ReadinessProbe(http, containers).WaitAsync(containerId, new Uri(uri, challenge.Service.ReadinessPath), challenge.Service.ReadinessTimeout, cancellationToken);
            return ((Uri?)uri, result);
        });

        await using var processes = ProcessCountWatch.Start(docker, report.ContainerId!, cancellationToken);
        var health = new ContainerHealth(docker);
        if (!readiness.IsReady)
        {
            var (state, events) = await health.InspectAsync(report.ContainerId!, cancellationToken);
            report.SandboxEvents = events;
            var logs = await new ContainerLogs(docker).TailAsync(report.ContainerId!, sandbox.LogTailLines, cancellationToken);
            var kind = readiness.OomKilled ? "oom_killed" : readiness.HasExited ? "exited" : "readiness_timeout";
            var ports = readiness.HasExited ? string.Empty : ListeningPorts.Describe(ListeningPorts.Of(state.Pid), challenge.Service.Port);
            throw new StartFailedException(readiness.Detail + ports, kind, readiness.ExitCode, logs);
        }

        var endpoint = new ServiceEndpoint(serviceUri!);
        var service = new ServiceUnderTest(challenge, http, serviceUri!, request.Seed, progress, report.Artifacts)
        {
            Endpoint = endpoint,
            Container = new ServiceControl(docker, containers, report.ContainerId!, challenge.Service, http, endpoint),
            Upstream = dependencies.Upstream,
            Host = new GradingHost(docker, report.ContainerId!, gradingId, limits, intake, dependencies.Upstream) { Slot = request.Slot },
            Turns = turns,
        };
        var outcomes = report.Outcomes;
        outcomes.Add(ServiceReady(readiness, challenge));
        foreach (var stage in pipeline.Stages)
        {
            await turns.NextAsync(stage.Measures, cancellationToken);
            progress?.Report(new GradingProgress(stage.Phase, "starting"));
            outcomes.AddRange(await report.Clock.TimeAsync(stage.Phase, () => stage.RunAsync(service, cancellationToken)));
        }

        await turns.NextAsync(alone: false, cancellationToken);
        var (after, limitsHit) = await health.InspectAsync(report.ContainerId!, cancellationToken, settle: TimeSpan.FromSeconds(1), processes.Peak, processes.Refused);
        report.ServiceLogTail = await new ContainerLogs(docker).TailAsync(report.ContainerId!, sandbox.LogTailLines, cancellationToken);
        report.SandboxEvents = limitsHit;
        outcomes.Add(ServiceSurvived(after, report.ServiceLogTail));
        outcomes.AddRange((await insight)?.Outcomes ?? []);
        foreach (var final in pipeline.FinalStages)
        {
            outcomes.AddRange(await report.Clock.TimeAsync(Phases.Shutdown, () => final.RunLastAsync(service, cancellationToken)));
        }

        var card = Scorer.Score(challenge.Rubric, outcomes);
        LogGraded(_logger, gradingId, card.Level.ToName(), card.Score);
        return report.Graded(card) with { Insight = (await insight)?.Insight };
    }

    /// <summary>Builds the image, or reuses the one built for the same submission on the same base images (<see cref="ImageCache"/>); returns its tag.</summary>
    private async Task<string> BuildOrReuseAsync(
        string gradingId, StagedSubmission submission, IReadOnlyList<string> baseImages, SandboxLimits sandbox, ReportBuilder report, Dictionary<string, string> labels,
        List<string> createdImages, IProgress<GradingProgress>? progress, CancellationToken cancellationToken)
    {
        var baseImageIds = await BaseImageIdsAsync(baseImages, cancellationToken);
        var cache = ImageCache.FromEnvironment(docker);
        var sha = report.Submission!.Sha256;
        var key = cache is null ? null : ImageCache.Key(sha, baseImageIds, sandbox);
        if (key is not null && await cache!.HoldAsync(key, labels, cancellationToken))
        {
            return Reused(key);
        }

        // Another grading of the same submission may be building it right now: wait for that image.
        FileStream? building = null;
        if (key is not null)
        {
            (building, var waited) = await ImageBuildLock.TakeAsync(
                key, () => progress?.Report(new GradingProgress(Phases.Build, "waiting for another grading that builds this very submission")), sandbox.BuildTimeout, cancellationToken);
            if (waited && await cache!.HoldAsync(key, labels, cancellationToken))
            {
                building?.Dispose();
                return Reused(key);
            }
        }

        using var buildTurn = building;

        progress?.Report(new GradingProgress(Phases.Build, "building the image (no network, no cache)"));
        var tag = key is null ? $"assessments-grading/{gradingId}:latest" : ImageCache.TagFor(key);
        using (var context = BuildContext.Create(submission))
        {
            report.BuildLogTail = await new ImageBuilder(docker, sandbox).BuildAsync(
                context, tag, key is null ? labels : ImageCache.LabelsFor(key, sha), createdImages, cancellationToken);
        }

        if (key is not null)
        {
            report.ImageReused = false;
            if (!await cache!.HoldAsync(key, labels, cancellationToken))
            {
                throw new InvalidOperationException($"the image just built, {tag}, was removed before the service started");
            }

            await TrimAsync(cache, gradingId, cancellationToken);
        }

        return tag;

        string Reused(string cached)
        {
            report.ImageReused = true;
            report.BuildLogTail = [$"reused the image built earlier for this very submission (sha256 {sha}) on the same base images: {ImageCache.TagFor(cached)}"];
            progress?.Report(new GradingProgress(Phases.Build, "reusing the image built for this very submission"));
            return ImageCache.TagFor(cached);
        }
    }

    /// <summary>Housekeeping after a build: a trim the engine fails (another process trimming the same images) must not cost this grading its result.</summary>
    private async Task TrimAsync(ImageCache cache, string gradingId, CancellationToken cancellationToken)
    {
        try
        {
            await cache.TrimAsync(cancellationToken);
        }
        catch (DockerApiException e)
        {
            LogTrimFailed(_logger, gradingId, e.StatusCode.ToString(), e.Message);
        }
    }

    private async Task<SlotLease> AcquireSlotAsync(IProgress<GradingProgress>? progress, CancellationToken cancellationToken)
    {
        var host = slots ?? HostSlots.ForThisHost();
        var lease = await host.AcquireAsync(m => progress?.Report(new GradingProgress(Phases.Slot, m)), cancellationToken);
        LogSlotTaken(_logger, lease.Slot.ToString());
        return lease;
    }

    /// <summary>
    /// The ID of each base image the Dockerfile names (the image cache's key). One missing on this
    /// engine is the platform's fault, not the candidate's: the builder would try to pull it (no
    /// registry answers) and the candidate would read a build failure.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> BaseImageIdsAsync(IReadOnlyList<string> baseImages, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in baseImages)
        {
            try
            {
                ids[image] = (await docker.Images.InspectImageAsync(image, cancellationToken)).ID;
            }
            catch (DockerImageNotFoundException e)
            {
                throw new InfrastructureException($"the base image {image} is offered to candidates but is not on this machine: build it with `make toolchain-images` (or `make base-images`)", e);
            }
        }

        return ids;
    }

    /// <summary>Refuses, before anything is built, a submission whose Dockerfile would leave the sandbox; returns the base images it names.</summary>
    private static IReadOnlyList<string> CheckDockerfile(StagedSubmission submission, SandboxLimits sandbox)
    {
        var dockerfile = submission.Files.FirstOrDefault(f => f.RelativePath == "Dockerfile")
            ?? throw new SubmissionRejectedException("the submission has no Dockerfile at its root");
        var (violation, baseImages) = new DockerfilePolicy(sandbox.AllowedBaseImages).Read(File.ReadAllText(dockerfile.FullPath));
        return violation is null ? baseImages : throw new SubmissionRejectedException(violation.ToString());
    }

    private static CheckOutcome ServiceSurvived(ContainerState state, IReadOnlyList<string> logTail) => state.Running
        ? new(BuiltInChecks.ServiceSurvived, true, "the service was still running after every check", [Evidence.Note("still running after every check")], "The service stays up while it is graded", Visibility.Visible)
        : new(
            BuiltInChecks.ServiceSurvived,
            false,
            state.OOMKilled ? "the service was OOM-killed while it was graded" : $"the service stopped while it was graded (exit code {state.ExitCode})",
            [Evidence.Log(state.OOMKilled ? "killed at its memory limit while it was graded" : $"exited with code {state.ExitCode} while it was graded; its last lines:", logTail.TakeLast(20).ToList()) with { Passed = false }],
            "The service stays up while it is graded",
            Visibility.Visible);

    private static CheckOutcome ServiceReady(ReadinessResult readiness, Challenge challenge) => new(
        BuiltInChecks.ServiceReady,
        true,
        $"the service built, started and was ready: {readiness.Detail}",
        [Evidence.Measurement($"GET {challenge.Service.ReadinessPath} {readiness.Detail}", Math.Round(readiness.Elapsed.TotalMilliseconds), "ms")],
        "The service builds, starts and becomes ready",
        Visibility.Visible);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grading {GradingId} of challenge {ChallengeId} started for {Submission}")]
    private static partial void LogGradingStarted(ILogger logger, string gradingId, string challengeId, string submission);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grading takes {Slot}")]
    private static partial void LogSlotTaken(ILogger logger, string slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grading {GradingId} graded {Level} with score {Score}")]
    private static partial void LogGraded(ILogger logger, string gradingId, string level, int score);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grading {GradingId} could not trim the image cache ({Status}): {Reason}; the next build trims again")]
    private static partial void LogTrimFailed(ILogger logger, string gradingId, string status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grading {GradingId} hit a platform fault")]
    private static partial void LogInfrastructureError(ILogger logger, string gradingId, Exception exception);
}
