using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Data;

/// <summary>Applies pending migrations at start-up, before anything else touches the database.</summary>
public sealed partial class MigrationService(NpgsqlDataSource dataSource, ILogger<MigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var version in await Migrator.ApplyAsync(dataSource, cancellationToken))
        {
            LogApplied(logger, version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
