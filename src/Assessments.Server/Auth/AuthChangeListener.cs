using Assessments.Server.Submissions;
using Npgsql;

namespace Assessments.Server.Auth;

/// <summary>
/// Holds one connection with <c>LISTEN auth_changed</c> (the notifications of migration 006) and evicts
/// what each names from this server's <see cref="CallerCache"/>. A dropped connection stops the cache
/// from being trusted until the listener is back, and the reconnect starts it empty, since whatever was
/// revoked in between was announced to nobody here. The same connection hears <c>auth_throttled</c>:
/// addresses that used up their failed authentications on any server (<see cref="FailedAuthentications"/>),
/// read afresh from the table on every (re)connect for the same reason. And it hears <c>report_changed</c>
/// (migration 011) for the <see cref="ReportCache"/>, which it trusts, empties and distrusts in step with
/// the callers: one connection per server, whatever it caches.
/// </summary>
public sealed partial class AuthChangeListener(
    NpgsqlDataSource dataSource, CallerCache cache, ReportCache reports, FailedAuthentications failures, ILogger<AuthChangeListener> logger) : BackgroundService
{
    public const string Channel = "auth_changed";

    public const string ReportChannel = "report_changed";

    /// <summary>How the connection shows in <c>pg_stat_activity</c>, so an operator can tell it from the pool's.</summary>
    public const string ApplicationName = "assessments-auth-listener";

    // A half-open TCP connection delivers nothing and reports nothing; a ping this often finds it out.
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                cache.StopListening();
                reports.StopListening();
                LogLost(logger, e.Message);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, notification) =>
        {
            if (notification.Channel == FailedAuthentications.Channel)
            {
                failures.Throttled(notification.Payload);
            }
            else if (notification.Channel == ReportChannel)
            {
                reports.Evict(notification.Payload);
            }
            else
            {
                cache.Evict(notification.Payload);
            }
        };
        await using (var listen = new NpgsqlCommand($"set application_name = '{ApplicationName}'; listen {Channel}; listen {FailedAuthentications.Channel}; listen {ReportChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        await failures.LoadAsync(connection, cancellationToken);

        cache.StartListening();
        reports.StartListening();
        LogListening(logger);
        var swept = Environment.TickCount64;
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(Ping, cancellationToken))
                {
                    await using var ping = new NpgsqlCommand("select 1", connection);
                    await ping.ExecuteNonQueryAsync(cancellationToken);
                }

                if (Environment.TickCount64 - swept > Sweep.TotalMilliseconds)
                {
                    await failures.SweepAsync(connection, cancellationToken);
                    swept = Environment.TickCount64;
                }
            }
        }
        finally
        {
            cache.StopListening();
            reports.StopListening();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for credential and report changes; cached callers and reports are trusted")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the credential- and report-change listener ({Reason}); every request asks the database until it is back")]
    private static partial void LogLost(ILogger logger, string reason);
}
