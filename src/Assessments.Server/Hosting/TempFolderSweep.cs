using Assessments.Submissions;

namespace Assessments.Server.Hosting;

/// <summary>At start-up, removes the temporary folders of platform processes that died without cleaning up (kill -9 mid-upload).</summary>
public sealed partial class TempFolderSweep(ILogger<TempFolderSweep> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = OwnedTempFolders.SweepOrphans();
        if (removed > 0)
        {
            LogSwept(logger, removed);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temporary folders left by platform processes that are gone")]
    private static partial void LogSwept(ILogger logger, int count);
}
