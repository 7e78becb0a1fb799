using Assessments.Platform.Database;
using Assessments.Platform.Queue;
using Assessments.Runner.Submissions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Platform.Workers;

/// <summary>The worker loop: make sure the schema exists, then claim a job, run it, and claim again; wait a little when the queue is empty.</summary>
public sealed partial class GradingWorker(
    NpgsqlDataSource dataSource,
    GradingQueue queue,
    JobRunner runner,
    IOptions<WorkerOptions> options,
    ILogger<GradingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Migrator.ApplyAsync(dataSource, stoppingToken);
        // Archives and staging folders of a worker killed mid-grading (kill -9) are nobody's now.
        var swept = OwnedTempFolders.SweepOrphans();
        LogStarted(logger, settings.WorkerId, settings.Lease.TotalSeconds, swept);
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedJob? job;
            try
            {
                job = await queue.ClaimAsync(settings.WorkerId, settings.Lease, stoppingToken);
            }
            catch (NpgsqlException e)
            {
                LogClaimFailed(logger, e);
                job = null;
            }

            if (job is null)
            {
                await Task.Delay(settings.Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            await runner.RunAsync(job, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started (lease {LeaseSeconds} s); removed {Swept} temporary folders of processes that are gone")]
    private static partial void LogStarted(ILogger logger, string workerId, double leaseSeconds, int swept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming a job failed; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
