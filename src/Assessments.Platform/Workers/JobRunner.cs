using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Reporting;
using Assessments.Submissions;
using Assessments.Platform.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assessments.Platform.Workers;

/// <summary>
/// Runs one claimed job: removes an earlier attempt's leftovers, grades while a heartbeat renews the
/// lease, then stores the report, or, for a platform fault, hands the job back for a retry. When the
/// lease is lost the grading is cancelled and nothing is written: the job belongs to someone else now.
/// </summary>
public sealed partial class JobRunner(
    GradingQueue queue,
    IGradingEngine engine,
    ChallengeShelf challenges,
    IOptions<WorkerOptions> options,
    ILogger<JobRunner> logger,
    ISubmissionSimilarity? similarity = null)
{
    public Task RunAsync(ClaimedJob job, CancellationToken stopping) => RunAsync(job, GradingReservation.None, stopping);

    /// <param name="reservation">The grading slot the worker holds for this job.</param>
    public async Task RunAsync(ClaimedJob job, GradingReservation reservation, CancellationToken stopping)
    {
        var settings = options.Value;
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(job, lease, heartbeatStop.Token);
        var folder = OwnedTempFolders.Create(OwnedTempFolders.Job);
        LogClaimed(logger, job.Id, job.Attempt, job.Owner);
        try
        {
            for (var previous = 1; previous < job.Attempt; previous++)
            {
                await engine.RemoveLeftoversAsync(ClaimedJob.GradingIdFor(job.Id, previous), lease.Token);
            }

            var challenge = challenges.Get(job.ChallengeId);
            var archive = Path.Combine(folder.FullName, "submission.archive");
            await File.WriteAllBytesAsync(archive, await queue.ReadArchiveAsync(job.SubmissionId, lease.Token), lease.Token);
            var report = await engine.GradeAsync(challenge, archive, job.GradingId, settings.Seed, reservation, lease.Token);
            if (report.Status == ReportStatus.InfrastructureError)
            {
                await RetryAsync(job, report.Failure?.Message ?? "infrastructure_error", CancellationToken.None);
                return;
            }

            var stored = await queue.CompleteAsync(
                job,
                new FinishedGrading(report.Status.ToName(), report.Level.ToName(), report.Score, ReportJson.Serialize(report), HtmlReport.Render(report)),
                CancellationToken.None);
            if (stored)
            {
                LogFinished(logger, job.Id, job.Attempt, report.Status.ToName(), report.Level.ToName());
                await RecordSimilarityAsync(job, challenge, archive, stopping);
            }
            else
            {
                LogFenced(logger, job.Id, job.Attempt);
            }
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            LogFenced(logger, job.Id, job.Attempt);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another worker takes the job over.
            LogAbandoned(logger, job.Id, job.Attempt);
        }
        catch (Exception e)
        {
            LogFault(logger, job.Id, job.Attempt, e);
            await RetryAsync(job, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The report is stored by now: similarity is extra, so its failure is logged, never retried as a grading.</summary>
    private async Task RecordSimilarityAsync(ClaimedJob job, Domain.Challenges.Challenge challenge, string archive, CancellationToken stopping)
    {
        if (similarity is null)
        {
            return;
        }

        try
        {
            await similarity.RecordAsync(job, challenge, archive, stopping);
        }
        catch (Exception e)
        {
            LogSimilarityFailed(logger, job.SubmissionId, e);
        }
    }

    private async Task RetryAsync(ClaimedJob job, string error, CancellationToken cancellationToken)
    {
        var outcome = await queue.RetryAsync(job, error, options.Value.BackoffAfter(job.Attempt), cancellationToken);
        LogRetry(logger, job.Id, job.Attempt, outcome.ToString(), error);
    }

    /// <summary>Renews the lease until stopped; a refused renewal means the job was taken over, so the grading is cancelled.</summary>
    private async Task HeartbeatAsync(ClaimedJob job, CancellationTokenSource lease, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                bool renewed;
                try
                {
                    renewed = await queue.HeartbeatAsync(job, options.Value.Lease, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database did not answer this time: try again at the next tick; should the lease
                    // run out meanwhile, the result is fenced off anyway.
                    LogHeartbeatFailed(logger, job.Id, e);
                    continue;
                }

                if (!renewed)
                {
                    LogLeaseLost(logger, job.Id, job.Attempt);
                    await lease.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed job {JobId} attempt {Attempt} as {Owner}")]
    private static partial void LogClaimed(ILogger logger, Guid jobId, int attempt, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt} finished: {Status}, {Level}")]
    private static partial void LogFinished(ILogger logger, Guid jobId, int attempt, string status, string level);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} lost its lease; its result was not written")]
    private static partial void LogFenced(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} abandoned at shutdown; its lease will expire")]
    private static partial void LogAbandoned(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} attempt {Attempt} hit a platform fault")]
    private static partial void LogFault(ILogger logger, Guid jobId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt}: {Outcome} after a platform fault: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid jobId, int attempt, string outcome, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt}: the heartbeat was refused, the job was taken over")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId}: graded, but its similarity was not recorded (an admin reindex catches it up)")]
    private static partial void LogSimilarityFailed(ILogger logger, Guid submissionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: a heartbeat failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Guid jobId, Exception exception);
}
