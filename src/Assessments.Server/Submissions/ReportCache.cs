using System.Collections.Concurrent;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Submissions;

/// <summary>
/// Graded report bodies kept in memory, so that reading a report an interviewer already opened needs no
/// database round trip. Trusted only while the change listener holds its LISTEN: every rewrite or removal
/// of a report and every change to its submission is announced by PostgreSQL NOTIFY (migration 011), and
/// every server drops that submission's entries. The time-to-live
/// (<see cref="ServerOptions.ReportCacheSeconds"/>) bounds the staleness should a notification be lost on
/// a connection not yet known to be dead. Bounded by the bytes it holds
/// (<see cref="ServerOptions.ReportCacheBytes"/>); past that, the least recently read go first.
/// Who may read a report is not cached here: authorization runs before the endpoint on every request.
/// </summary>
public sealed class ReportCache(IOptions<ServerOptions> options, TimeProvider clock)
{
    // A report larger than this share of the budget is streamed from the database every time instead:
    // caching it would evict many ordinary reports, and holding it whole is what streaming avoids.
    private const int LargestShare = 16;

    private readonly ConcurrentDictionary<Key, CachedReport> _entries = new();
    private readonly Lock _trimming = new();
    private readonly TimeSpan _timeToLive = TimeSpan.FromSeconds(options.Value.ReportCacheSeconds);
    private readonly long _budget = options.Value.ReportCacheBytes;
    private long _bytes;
    private long _generation;
    private long _loads;
    private volatile bool _listening;

    /// <summary>The two forms an endpoint serves: report.json as stored, report.html as <c>/report.html</c> shows it.</summary>
    public enum Form
    {
        Json,
        Html,
    }

    /// <summary>Reads of a report from the database so far: what the cache spares is visible (tests, benchmarks).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>What the cached bodies hold now, overhead included; never much above the budget.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether notifications are being received, so that cached reports may be served.</summary>
    public bool Listening => _listening;

    /// <summary>The largest body worth keeping; larger ones are streamed every time.</summary>
    public long LargestBody => _budget / LargestShare;

    /// <summary>The cached report, if still within its time-to-live; counted as just used.</summary>
    public CachedReport? Find(Guid submissionId, Form form)
    {
        var key = new Key(submissionId, form);
        if (!_listening || !_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcTicks;
        if (now >= entry.CachedUntil)
        {
            Remove(key, entry);
            return null;
        }

        entry.LastRead = now;
        return entry;
    }

    /// <summary>Taken before the database is read and handed to <see cref="Remember"/>, see there.</summary>
    public long BeginLoad()
    {
        Interlocked.Increment(ref _loads);
        return Interlocked.Read(ref _generation);
    }

    /// <summary>
    /// Keeps a report read from the database. Dropped when any eviction happened since
    /// <paramref name="loadGeneration"/>: the read may have seen the row just before a change whose
    /// notification has already come and gone, and would otherwise be served until its time-to-live.
    /// </summary>
    public void Remember(Guid submissionId, Form form, string entityTag, string contentType, byte[] body, long loadGeneration)
    {
        if (!_listening || _timeToLive <= TimeSpan.Zero || body.Length > LargestBody)
        {
            return;
        }

        var key = new Key(submissionId, form);
        var now = clock.GetUtcNow().UtcTicks;
        var entry = new CachedReport(entityTag, contentType, body, now + _timeToLive.Ticks) { LastRead = now };
        if (!_entries.TryAdd(key, entry))
        {
            return; // another request cached it first
        }

        Interlocked.Add(ref _bytes, entry.Size);
        if (Interlocked.Read(ref _generation) != loadGeneration)
        {
            Remove(key, entry);
        }

        if (Interlocked.Read(ref _bytes) > _budget)
        {
            Trim();
        }
    }

    /// <summary>What a notification names: a submission id (both forms of its report go), or <c>all</c>.</summary>
    public void Evict(string changed)
    {
        Interlocked.Increment(ref _generation);
        if (changed == "all")
        {
            foreach (var key in _entries.Keys)
            {
                Remove(key);
            }
        }
        else if (Guid.TryParse(changed, out var submissionId))
        {
            Remove(new Key(submissionId, Form.Json));
            Remove(new Key(submissionId, Form.Html));
        }
    }

    /// <summary>Notifications arrive again: whatever was missed meanwhile is forgotten by starting empty.</summary>
    public void StartListening()
    {
        Evict("all");
        _listening = true;
    }

    /// <summary>Notifications may be missed from now on, so nothing cached is served until they arrive again.</summary>
    public void StopListening()
    {
        _listening = false;
        Evict("all");
    }

    /// <summary>
    /// Over budget: drops the least recently read until a quarter of the budget is free, so that a
    /// full cache sorts its entries once per many newcomers rather than once each. One trimmer at a
    /// time; the others carry on, briefly over budget by at most their own entry.
    /// </summary>
    private void Trim()
    {
        if (!_trimming.TryEnter())
        {
            return;
        }

        try
        {
            var target = _budget - (_budget / 4);
            foreach (var (key, entry) in _entries.ToArray().OrderBy(e => e.Value.LastRead))
            {
                if (Interlocked.Read(ref _bytes) <= target)
                {
                    break;
                }

                Remove(key, entry);
            }
        }
        finally
        {
            _trimming.Exit();
        }
    }

    private void Remove(Key key)
    {
        if (_entries.TryRemove(key, out var removed))
        {
            Interlocked.Add(ref _bytes, -removed.Size);
        }
    }

    private void Remove(Key key, CachedReport entry)
    {
        if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
        {
            Interlocked.Add(ref _bytes, -entry.Size);
        }
    }

    private readonly record struct Key(Guid SubmissionId, Form Form);
}

/// <summary>A report body as served, with the entity tag it was served under.</summary>
public sealed class CachedReport(string entityTag, string contentType, byte[] body, long cachedUntil)
{
    public string EntityTag { get; } = entityTag;

    public string ContentType { get; } = contentType;

    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>UTC ticks past which the entry is not served.</summary>
    public long CachedUntil { get; } = cachedUntil;

    /// <summary>When it was last served (UTC ticks): what eviction orders by. Racy writes are fine; it is a hint.</summary>
    public long LastRead { get; set; }

    /// <summary>What it costs: its body and, roughly, the key, the tag and the dictionary's node, so that a budget of tiny reports still bounds the memory.</summary>
    public long Size => Body.Length + (EntityTag.Length * 2) + 256;
}

/// <summary>A report being read from the database, to be kept under the tag it is served with once read whole.</summary>
public sealed record ReportKeeping(ReportCache Cache, Guid SubmissionId, ReportCache.Form Form, string EntityTag, long LoadGeneration)
{
    public long LargestBody => Cache.LargestBody;

    public void Keep(string contentType, byte[] body) => Cache.Remember(SubmissionId, Form, EntityTag, contentType, body, LoadGeneration);
}
