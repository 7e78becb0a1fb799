using Assessments.Platform.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Platform.Workers;

/// <summary>
/// Applies the queue's retention (<see cref="WorkerOptions.FinishedJobRetentionDays"/>) every
/// <see cref="WorkerOptions.ArchiveEveryMinutes"/>. Runs in every worker: there is always one while
/// gradings are made, and the moves of several workers do not collide (<see cref="QueueRetention"/>).
/// </summary>
public sealed partial class FinishedJobArchiver(
    QueueRetention retention,
    IOptions<WorkerOptions> options,
    ILogger<FinishedJobArchiver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // The first pass waits one interval too: the grading loop migrates the schema when it starts.
        using var timer = new PeriodicTimer(settings.ArchiveEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                var moved = await retention.ArchiveFinishedAsync(settings.FinishedJobRetention, stoppingToken);
                if (moved > 0)
                {
                    LogArchived(logger, moved, settings.FinishedJobRetentionDays);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                // The next interval tries again; an archive pass that fails loses nothing (one statement per batch).
                LogArchiveFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived {Moved} finished grading jobs older than {RetentionDays} days")]
    private static partial void LogArchived(ILogger logger, long moved, double retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archiving finished grading jobs failed; trying again next interval")]
    private static partial void LogArchiveFailed(ILogger logger, Exception exception);
}
