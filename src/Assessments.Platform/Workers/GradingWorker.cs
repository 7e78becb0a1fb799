using Assessments.Platform.Database;
using Assessments.Platform.Queue;
using Assessments.Submissions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Platform.Workers;

/// <summary>
/// The worker loops, one per grading slot it uses: make sure the schema exists, then hold a free slot,
/// claim a job, run it in that slot, and start again; wait a little when the queue is empty. A job is
/// never claimed without a free slot, so gradings never share the cores their measurements rely on.
/// Its slots, and how many of them grade, are on record for the server's metrics and admin API
/// (<see cref="RunnerWorkerStore"/>).
/// </summary>
public sealed partial class GradingWorker(
    NpgsqlDataSource dataSource,
    GradingQueue queue,
    JobRunner runner,
    IGradingEngine engine,
    RunnerWorkerStore workers,
    IOptions<WorkerOptions> options,
    ILogger<GradingWorker> logger) : BackgroundService
{
    private int _busy;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Migrator.ApplyAsync(dataSource, stoppingToken);
        // Archives and staging folders of a worker killed mid-grading (kill -9) are nobody's now.
        var swept = OwnedTempFolders.SweepOrphans();
        var loops = settings.Slots > 0 ? settings.Slots : Math.Max(1, engine.Capacity);
        LogStarted(logger, settings.WorkerId, settings.Lease.TotalSeconds, loops, swept);
        await RecordAsync(() => workers.AnnounceAsync(settings.WorkerId, loops, settings.Heartbeat, stoppingToken));
        try
        {
            await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => LoopAsync(settings, stoppingToken)).Append(HeartbeatAsync(settings, stoppingToken)));
        }
        finally
        {
            // A worker that stops in order leaves no row; one killed leaves a row that turns stale.
            using var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await RecordAsync(() => workers.LeaveAsync(settings.WorkerId, leaving.Token));
        }
    }

    /// <summary>Says every heartbeat that this worker is alive, with its busy slots.</summary>
    private async Task HeartbeatAsync(WorkerOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(settings.Heartbeat, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            await RecordAsync(() => workers.SeenAsync(settings.WorkerId, Volatile.Read(ref _busy), stoppingToken));
        }
    }

    /// <summary>The record is for people looking on: a database hiccup or a stop must never end a grading loop over it.</summary>
    private async Task RecordAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (OperationCanceledException)
        {
            // The worker is stopping.
        }
        catch (NpgsqlException e)
        {
            LogRecordFailed(logger, e.GetType().Name);
        }
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
                    var busy = Interlocked.Increment(ref _busy);
                    await RecordAsync(() => workers.SeenAsync(settings.WorkerId, busy, stoppingToken));
                    try
                    {
                        await runner.RunAsync(job, reservation, stoppingToken);
                    }
                    finally
                    {
                        busy = Interlocked.Decrement(ref _busy);
                        await RecordAsync(() => workers.SeenAsync(settings.WorkerId, busy, stoppingToken));
                    }

                    continue;
                }
            }

            // The slot is let go while the queue is empty: a grading on the command line may use it meanwhile.
            await Task.Delay(settings.Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started (lease {LeaseSeconds} s, {Slots} grading slot(s)); removed {Swept} temporary folders of processes that are gone")]
    private static partial void LogStarted(ILogger logger, string workerId, double leaseSeconds, int slots, int swept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording this worker's slots failed ({Error}); grading goes on")]
    private static partial void LogRecordFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming a job failed; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
