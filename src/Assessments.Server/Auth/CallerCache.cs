using System.Collections.Concurrent;
using System.Security.Claims;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Auth;

/// <summary>
/// Who a credential (a token's or session id's hash) belongs to, kept in memory so that an
/// authenticated request needs no database round trip. Trusted only while <see cref="AuthChangeListener"/>
/// holds its LISTEN: every revocation, expiry change or deletion evicts the entries it concerns through
/// PostgreSQL NOTIFY, on every server. The time-to-live (<see cref="ServerOptions.CallerCacheSeconds"/>)
/// bounds the staleness should a notification be lost on a connection not yet known to be dead.
/// </summary>
public sealed class CallerCache(IOptions<ServerOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeToLive = TimeSpan.FromSeconds(options.Value.CallerCacheSeconds);
    private readonly int _capacity = options.Value.CallerCacheEntries;
    private long _generation;
    private long _lookups;
    private volatile bool _listening;

    /// <summary>Database lookups of credentials so far: what the cache spares is visible (tests, benchmarks).</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    /// <summary>Whether notifications are being received, so that cached answers may be used.</summary>
    public bool Listening => _listening;

    public static string TokenKey(byte[] hash) => "token:" + Convert.ToHexStringLower(hash);

    public static string SessionKey(byte[] hash) => "session:" + Convert.ToHexStringLower(hash);

    public static string PartnerKeyKey(byte[] hash) => "partner:" + Convert.ToHexStringLower(hash);

    /// <summary>
    /// The cached caller, if still valid: within its time-to-live and before its invitation's or
    /// session's own expiry, which is checked here so that expiry is exact without any notification.
    /// </summary>
    public ClaimsPrincipal? Find(string key)
    {
        if (!_listening || !_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now >= entry.CachedUntil || now >= entry.CredentialExpires)
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            return null;
        }

        // A copy: a request may add to its principal, and what it adds is not the next request's.
        return entry.Principal.Clone();
    }

    /// <summary>Taken before a database lookup and handed to <see cref="Remember"/>, see there.</summary>
    public long BeginLookup()
    {
        Interlocked.Increment(ref _lookups);
        return Interlocked.Read(ref _generation);
    }

    /// <summary>
    /// Keeps a caller found in the database. Dropped when any eviction happened since
    /// <paramref name="lookupGeneration"/>: the lookup may have read the row just before a revocation
    /// whose notification has already come and gone, and would otherwise live on for a whole TTL.
    /// </summary>
    /// <param name="holder">What a notification names to evict it: <c>user:&lt;id&gt;</c>, <c>invitation:&lt;id&gt;</c>, <c>partner-key:&lt;id&gt;</c>.</param>
    public void Remember(string key, string holder, ClaimsPrincipal principal, DateTimeOffset credentialExpires, long lookupGeneration)
    {
        if (!_listening || _timeToLive <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= _capacity && !MakeRoom())
        {
            return;
        }

        _entries[key] = new Entry(principal, holder, clock.GetUtcNow() + _timeToLive, credentialExpires);
        if (Interlocked.Read(ref _generation) != lookupGeneration)
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>What a notification names: a session key, a holder (every credential of that user, invitation or key), or <c>all</c>.</summary>
    public void Evict(string changed)
    {
        Interlocked.Increment(ref _generation);
        if (changed == "all")
        {
            _entries.Clear();
            return;
        }

        _entries.TryRemove(changed, out _);
        foreach (var (key, entry) in _entries)
        {
            if (entry.Holder == changed)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Notifications arrive again: whatever was missed meanwhile is forgotten by starting empty.</summary>
    public void StartListening()
    {
        Evict("all");
        _listening = true;
    }

    /// <summary>Notifications may be missed from now on, so nothing cached is trusted until they arrive again.</summary>
    public void StopListening()
    {
        _listening = false;
        Evict("all");
    }

    /// <summary>At capacity: drops what has outlived its time-to-live; when that frees nothing, the newcomer is simply not cached.</summary>
    private bool MakeRoom()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (now >= entry.CachedUntil || now >= entry.CredentialExpires)
            {
                _entries.TryRemove(key, out _);
            }
        }

        return _entries.Count < _capacity;
    }

    private sealed record Entry(ClaimsPrincipal Principal, string Holder, DateTimeOffset CachedUntil, DateTimeOffset CredentialExpires);
}
