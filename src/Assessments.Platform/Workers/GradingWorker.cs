using Assessments.Platform.Database;
using Assessments.Platform.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Platform.Workers;

/// <summary>
/// The worker loops, one per grading slot it uses: make sure the schema exists, then hold a free slot,
/// claim a job, run it in that slot, and start again; wait a little when the queue is empty. A job is
/// never claimed without a free slot, so gradings never share the cores their measurements rely on.
/// </summary>
public sealed partial class GradingWorker(
    NpgsqlDataSource dataSource,
    GradingQueue queue,
    JobRunner runner,
    IGradingEngine engine,
    IOptions<WorkerOptions> options,
    ILogger<GradingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Migrator.ApplyAsync(dataSource, stoppingToken);
        var loops = settings.Slots > 0 ? settings.Slots : Math.Max(1, engine.Capacity);
        LogStarted(logger, settings.WorkerId, settings.Lease.TotalSeconds, loops);
        await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => LoopAsync(settings, stoppingToken)));
    }

    private async Task LoopAsync(WorkerOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            GradingReservation reservation;
            try
            {
                reservation = await engine.ReserveAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using (reservation)
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

                if (job is not null)
                {
                    await runner.RunAsync(job, reservation, stoppingToken);
                    continue;
                }
            }

            // The slot is let go while the queue is empty: a grading on the command line may use it meanwhile.
            await Task.Delay(settings.Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started (lease {LeaseSeconds} s, {Slots} grading slot(s))")]
    private static partial void LogStarted(ILogger logger, string workerId, double leaseSeconds, int slots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming a job failed; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
