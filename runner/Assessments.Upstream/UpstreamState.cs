using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Assessments.Upstream;

/// <summary>
/// Everything the stub knows: the resources, the faults in force and the counters the runner asserts
/// on. One lock guards it all: calls are few enough, and a check-then-apply (an idempotency key) must
/// be atomic anyway.
/// </summary>
public sealed partial class UpstreamState
{
    private const int TraceparentsKept = 200;

    private readonly Lock _gate = new();
    private readonly UpstreamSettings _settings;
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly Dictionary<string, Resource> _resources = [];
    private readonly Dictionary<string, long> _calls = [];
    private readonly Dictionary<string, int> _inFlight = [];
    private readonly Dictionary<string, int> _peak = [];
    private readonly Dictionary<string, int> _attempts = [];
    private readonly Dictionary<string, EffectLedger> _effects = [];
    private readonly Dictionary<string, EffectReceipt> _receipts = [];
    private readonly Queue<string> _traceparents = new();
    private Random _jitter;
    private FaultSettings _faults;
    private long _totalCalls;
    private long _effectsApplied;

    public UpstreamState(UpstreamSettings settings)
    {
        _settings = settings;
        _faults = FaultSettings.From(settings);
        _jitter = new Random(settings.Seed);
        foreach (var (key, data) in settings.Data)
        {
            _resources[key] = new Resource(key, 1, _startedAt, data);
        }
    }

    public UpstreamSettings Settings => _settings;

    public FaultSettings Faults
    {
        get { lock (_gate) { return _faults; } }
    }

    [GeneratedRegex("^gen-([0-9]{1,9})$")]
    private static partial Regex GeneratedKey();

    /// <summary>Counts a data-plane call and holds its route in flight until the scope is disposed.</summary>
    public CallScope Begin(string route, string? traceparent)
    {
        lock (_gate)
        {
            _totalCalls++;
            _calls[route] = _calls.GetValueOrDefault(route) + 1;
            var inFlight = _inFlight.GetValueOrDefault(route) + 1;
            _inFlight[route] = inFlight;
            _peak[route] = Math.Max(_peak.GetValueOrDefault(route), inFlight);
            if (!string.IsNullOrEmpty(traceparent))
            {
                _traceparents.Enqueue(traceparent);
                while (_traceparents.Count > TraceparentsKept)
                {
                    _traceparents.Dequeue();
                }
            }
        }

        return new CallScope(this, route);
    }

    private void End(string route)
    {
        lock (_gate)
        {
            _inFlight[route] = _inFlight.GetValueOrDefault(route) - 1;
        }
    }

    /// <summary>The fixed latency plus seeded jitter in force now.</summary>
    public TimeSpan NextLatency()
    {
        lock (_gate)
        {
            var jitter = _faults.JitterMs > 0 ? _jitter.Next(0, _faults.JitterMs + 1) : 0;
            return TimeSpan.FromMilliseconds(Math.Max(0, _faults.LatencyMs) + jitter);
        }
    }

    /// <summary>Counts one attempt on a key or reference and says how the faults answer it.</summary>
    public Verdict Judge(string subject)
    {
        lock (_gate)
        {
            var attempt = _attempts[subject] = _attempts.GetValueOrDefault(subject) + 1;
            if (_faults.Outage)
            {
                return Verdict.Outage;
            }

            if (_faults.AlwaysFails(subject))
            {
                return Verdict.Poisoned;
            }

            return attempt <= _faults.FailFirst ? Verdict.FailedFirst : Verdict.Served;
        }
    }

    public Resource? Find(string key)
    {
        lock (_gate)
        {
            if (_resources.TryGetValue(key, out var resource))
            {
                return resource;
            }
        }

        var generated = GeneratedKey().Match(key);
        if (!generated.Success)
        {
            return null;
        }

        // Deterministic, so many distinct keys cost no data file and every grading sees the same values.
        var n = long.Parse(generated.Groups[1].Value);
        return new Resource(key, 1, _startedAt, new JsonObject { ["name"] = $"generated item {n}", ["value"] = (n * 7919) % 10_000 });
    }

    public Resource Set(string key, JsonObject data)
    {
        lock (_gate)
        {
            var version = (_resources.TryGetValue(key, out var current) ? current.Version : Find(key)?.Version ?? 0) + 1;
            return _resources[key] = new Resource(key, version, DateTimeOffset.UtcNow, data);
        }
    }

    /// <summary>
    /// Records an effect attempt for a reference. A failed attempt is only counted; a served one is
    /// applied unless its idempotency key was seen before, in which case the first receipt is replayed.
    /// </summary>
    public EffectResult Effect(string reference, string? idempotencyKey, Verdict verdict)
    {
        lock (_gate)
        {
            var ledger = _effects.TryGetValue(reference, out var found) ? found : _effects[reference] = new EffectLedger();
            ledger.Attempts++;
            if (idempotencyKey is not null)
            {
                ledger.IdempotencyKeys.Add(idempotencyKey);
            }

            if (verdict != Verdict.Served)
            {
                ledger.Failures++;
                return new EffectResult(verdict, null, false);
            }

            if (idempotencyKey is not null && _receipts.TryGetValue(idempotencyKey, out var receipt))
            {
                return new EffectResult(verdict, receipt, true);
            }

            var now = DateTimeOffset.UtcNow;
            ledger.Applied++;
            ledger.FirstAppliedAt ??= now;
            ledger.LastAppliedAt = now;
            var applied = new EffectReceipt($"eff-{++_effectsApplied:D6}", reference);
            if (idempotencyKey is not null)
            {
                _receipts[idempotencyKey] = applied;
            }

            return new EffectResult(verdict, applied, false);
        }
    }

    public FaultSettings ChangeFaults(FaultChange change)
    {
        lock (_gate)
        {
            return _faults = _faults.With(change);
        }
    }

    /// <summary>Counters, effects and faults back to the start; the data (and its versions) stays.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _faults = FaultSettings.From(_settings);
            _jitter = new Random(_settings.Seed);
            _calls.Clear();
            _peak.Clear();
            _attempts.Clear();
            _effects.Clear();
            _receipts.Clear();
            _traceparents.Clear();
            _totalCalls = 0;
            foreach (var (route, inFlight) in _inFlight)
            {
                // Calls still in flight keep counting towards the peak they are part of.
                if (inFlight > 0)
                {
                    _peak[route] = inFlight;
                }
            }
        }
    }

    public UpstreamStats Stats()
    {
        lock (_gate)
        {
            return new UpstreamStats(
                new SortedDictionary<string, long>(_calls, StringComparer.Ordinal),
                _totalCalls,
                new SortedDictionary<string, int>(_peak, StringComparer.Ordinal),
                new SortedDictionary<string, EffectStats>(_effects.ToDictionary(e => e.Key, e => e.Value.ToStats()), StringComparer.Ordinal),
                [.. _traceparents],
                _faults);
        }
    }

    /// <summary>Keeps a route counted as in flight until disposed.</summary>
    public sealed class CallScope(UpstreamState state, string route) : IDisposable
    {
        private bool _ended;

        public void Dispose()
        {
            if (!_ended)
            {
                _ended = true;
                state.End(route);
            }
        }
    }

    private sealed class EffectLedger
    {
        public int Attempts { get; set; }

        public int Failures { get; set; }

        public int Applied { get; set; }

        public DateTimeOffset? FirstAppliedAt { get; set; }

        public DateTimeOffset? LastAppliedAt { get; set; }

        public HashSet<string> IdempotencyKeys { get; } = [];

        public EffectStats ToStats() => new(Attempts, Failures, Applied, IdempotencyKeys.Count, FirstAppliedAt, LastAppliedAt);
    }
}

public enum Verdict
{
    Served,
    Outage,
    Poisoned,
    FailedFirst,
}

public sealed record Resource(string Key, int Version, DateTimeOffset UpdatedAt, JsonObject Data)
{
    public string ETag => $"\"{Version}\"";
}

public sealed record EffectReceipt(string Id, string Reference);

public sealed record EffectResult(Verdict Verdict, EffectReceipt? Receipt, bool Replayed);

public sealed record EffectStats(int Attempts, int Failures, int Applied, int IdempotencyKeys, DateTimeOffset? FirstAppliedAt, DateTimeOffset? LastAppliedAt);

public sealed record UpstreamStats(
    IReadOnlyDictionary<string, long> Calls,
    long TotalCalls,
    IReadOnlyDictionary<string, int> PeakConcurrency,
    IReadOnlyDictionary<string, EffectStats> Effects,
    IReadOnlyList<string> Traceparents,
    FaultSettings Faults);
