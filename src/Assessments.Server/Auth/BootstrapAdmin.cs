using Assessments.Server.Hosting;
using Assessments.Server.Users;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Auth;

/// <summary>
/// Makes the first admin from configuration (<c>Assessments:BootstrapAdminToken</c>), so that a fresh
/// installation can be administered; setting another token replaces the old one.
/// </summary>
public sealed partial class BootstrapAdmin(UserStore users, IOptions<ServerOptions> options, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string Name = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BootstrapAdminToken is not { Length: > 0 } token)
        {
            return;
        }

        await users.SetAdminTokenAsync(Name, token, cancellationToken);
        LogBootstrapped(logger, Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap admin {User} has the configured token")]
    private static partial void LogBootstrapped(ILogger logger, string user);
}
