using Assessments.Platform.Database;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Auth;

/// <summary>
/// Makes the first admin from configuration (<c>Assessments:BootstrapAdminToken</c>), so that a fresh
/// installation can be administered; setting another token replaces the old one.
/// </summary>
public sealed partial class BootstrapAdmin(NpgsqlDataSource dataSource, IOptions<ServerOptions> options, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string Name = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BootstrapAdminToken is not { Length: > 0 } token)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            insert into users (id, name, role, token_hash) values ($1, $2, 'admin', $3)
            on conflict (name) do update set token_hash = excluded.token_hash, role = 'admin'
            """).With(Guid.CreateVersion7(), Name, Tokens.Hash(token));
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogBootstrapped(logger, Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap admin {User} has the configured token")]
    private static partial void LogBootstrapped(ILogger logger, string user);
}
