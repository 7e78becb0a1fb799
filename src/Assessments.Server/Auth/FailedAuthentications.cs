using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Assessments.Platform.Database;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Auth;

/// <summary>
/// Counts failed authentications (a wrong bearer token, session, sign-in, partner key or invitation
/// link) per client address in a one-minute window, in PostgreSQL (migration 009), so the allowance is
/// the platform's and not each server's. Once an address has used it up, the rate limiter
/// (<see cref="FailedAuthenticationLimit"/>) answers its credentialed requests 429 with Retry-After
/// until the window ends. Which addresses are throttled is known in memory, announced through
/// <c>NOTIFY auth_throttled</c> to every server (<see cref="AuthChangeListener"/>), so checking costs a
/// request no database trip; only a failure writes. Each failure is logged at Debug; an address
/// reaching the limit, once, at Warning.
/// </summary>
public sealed partial class FailedAuthentications(NpgsqlDataSource dataSource, IOptions<ServerOptions> options, ILogger<FailedAuthentications> logger)
{
    public const string Channel = "auth_throttled";

    // One statement: count, and announce an address at or over its allowance (again on each failure
    // that slips through meanwhile, which costs nothing once every server knows).
    private const string Count = """
        with counted as (
            insert into failed_authentications as f (address, failures, window_ends) values ($1, 1, now() + interval '1 minute')
            on conflict (address) do update
               set failures = case when f.window_ends > now() then f.failures + 1 else 1 end,
                   window_ends = case when f.window_ends > now() then f.window_ends else now() + interval '1 minute' end
            returning failures, greatest(0, (extract(epoch from window_ends - now()) * 1000)::bigint) as ms
        ),
        announced as (select pg_notify('auth_throttled', $1 || ' ' || ms) from counted where failures >= $2)
        select failures, ms, (select count(*) from announced) from counted
        """;

    private readonly int _allowed = options.Value.FailedAuthenticationsPerMinute;

    // Address → when its throttling ends, in Environment.TickCount64 milliseconds (this server's clock).
    private readonly ConcurrentDictionary<string, long> _throttledUntil = new(StringComparer.Ordinal);

    public static string AddressOf(IPAddress? address) => address?.ToString() ?? "unknown";

    public async Task RecordAsync(IPAddress? address, string reason)
    {
        var key = AddressOf(address);
        LogFailed(logger, key, reason);
        try
        {
            // Not the request's token: a failure that happened is counted even if the caller hangs up.
            await using var command = dataSource.CreateCommand(Count).With(key, _allowed);
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            await reader.ReadAsync(CancellationToken.None);
            var failures = reader.GetInt32(0);
            if (failures >= _allowed)
            {
                // Not waiting for our own notification: this server refuses the next try even with its listener down.
                Throttle(key, TimeSpan.FromMilliseconds(reader.GetInt64(1)));
            }

            if (failures == _allowed)
            {
                LogThrottled(logger, key);
            }
        }
        catch (NpgsqlException e)
        {
            // Without the database no token can be looked up, so none can be guessed either: nothing to count.
            LogNotCounted(logger, key, e.Message);
        }
    }

    /// <summary>A lease that is acquired while the address may still try; when not, it carries the Retry-After.</summary>
    public RateLimitLease Check(string address)
    {
        if (_throttledUntil.TryGetValue(address, out var until))
        {
            var left = until - Environment.TickCount64;
            if (left > 0)
            {
                return new Allowance(TimeSpan.FromMilliseconds(left));
            }

            _throttledUntil.TryRemove(KeyValuePair.Create(address, until));
        }

        return Allowance.Open;
    }

    /// <summary>A notification's payload, <c>'&lt;address&gt; &lt;ms left&gt;'</c>.</summary>
    public void Throttled(string payload)
    {
        var space = payload.LastIndexOf(' ');
        if (space > 0 && long.TryParse(payload.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            Throttle(payload[..space], TimeSpan.FromMilliseconds(ms));
        }
    }

    /// <summary>
    /// On (re)connecting the listener: the addresses throttled now, since what was announced while this
    /// server was not listening reached nobody here. Ended windows are swept at the same time.
    /// </summary>
    public async Task LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await SweepAsync(connection, cancellationToken);
        await using var command = new NpgsqlCommand(
            "select address, (extract(epoch from window_ends - now()) * 1000)::bigint from failed_authentications where failures >= $1", connection).With(_allowed);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Throttle(reader.GetString(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)));
        }
    }

    /// <summary>
    /// Removes ended windows, from the table and from this server's memory: addresses that failed and
    /// never came back would otherwise stay for good.
    /// </summary>
    public async Task SweepAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var sweep = new NpgsqlCommand("delete from failed_authentications where window_ends <= now()", connection);
        await sweep.ExecuteNonQueryAsync(cancellationToken);
        var now = Environment.TickCount64;
        foreach (var ended in _throttledUntil.Where(t => t.Value <= now))
        {
            _throttledUntil.TryRemove(ended);
        }
    }

    private void Throttle(string address, TimeSpan left)
    {
        var until = Environment.TickCount64 + (long)left.TotalMilliseconds;
        _throttledUntil.AddOrUpdate(address, until, (_, known) => Math.Max(known, until));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Authentication failed from {ClientAddress}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string clientAddress, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientAddress} used up its failed authentications for this minute; its credentialed requests are answered 429 on every server until the window ends")]
    private static partial void LogThrottled(ILogger logger, string clientAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed authentication from {ClientAddress} was not counted: {Reason}")]
    private static partial void LogNotCounted(ILogger logger, string clientAddress, string reason);

    /// <summary>Open (acquired), or closed with how long until the window ends.</summary>
    private sealed class Allowance(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Allowance Open = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
