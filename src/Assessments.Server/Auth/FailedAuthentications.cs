using System.Net;
using System.Threading.RateLimiting;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Auth;

/// <summary>
/// Counts failed authentications (a wrong bearer token, session, sign-in or invitation link) per
/// client address in a one-minute fixed window. Once an address has used up its allowance, the
/// rate limiter (<see cref="FailedAuthenticationLimit"/>) answers its credentialed requests 429 with
/// Retry-After until the window ends, so tokens cannot be guessed at speed. Each failure is logged at
/// Debug; the moment an address is throttled, once, at Warning.
/// </summary>
public sealed partial class FailedAuthentications : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly ILogger<FailedAuthentications> _logger;

    public FailedAuthentications(IOptions<ServerOptions> options, ILogger<FailedAuthentications> logger)
    {
        _logger = logger;
        var allowed = options.Value.FailedAuthenticationsPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = allowed,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public static string AddressOf(IPAddress? address) => address?.ToString() ?? "unknown";

    public void Record(IPAddress? address, string reason)
    {
        var key = AddressOf(address);
        using var lease = _failures.AttemptAcquire(key, 1);
        LogFailed(_logger, key, reason);
        if (lease.IsAcquired && _failures.GetStatistics(key)?.CurrentAvailablePermits == 0)
        {
            LogThrottled(_logger, key);
        }
    }

    /// <summary>A lease that is acquired while the address may still try; when not, it carries the Retry-After.</summary>
    public RateLimitLease Check(string address) => _failures.AttemptAcquire(address, 0);

    public void Dispose() => _failures.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Authentication failed from {ClientAddress}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string clientAddress, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientAddress} used up its failed authentications for this minute; its credentialed requests are answered 429 until the window ends")]
    private static partial void LogThrottled(ILogger logger, string clientAddress);
}
