namespace Assessments.Domain.Scenarios;

/// <summary>The step kinds' names as authors write them in scenarios.yaml.</summary>
public static class StepKinds
{
    public const string Request = "request";
    public const string Burst = "burst";
    public const string Upstream = "upstream";
    public const string ExpectUpstream = "expectUpstream";
    public const string Service = "service";
    public const string ExpectService = "expectService";
    public const string Sleep = "sleep";
}

/// <summary>
/// Repeat a check until it holds or the time is up (for things that happen asynchronously). The
/// first look comes soon and the waits between looks double up to <see cref="Interval"/>: most
/// asynchronous work finishes in milliseconds, so a fixed interval mostly waited for nothing.
/// </summary>
public sealed record Eventually(TimeSpan Timeout, TimeSpan Interval)
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(25);

    /// <summary>How long to wait after the given failed look (1 = the first) before the next one.</summary>
    public TimeSpan WaitAfter(int attempt)
    {
        var first = FirstWait < Interval ? FirstWait : Interval;
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Min(Math.Max(attempt, 1) - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, Interval.TotalMilliseconds));
    }

    /// <summary>Whether another look fits in the time left after <paramref name="elapsed"/>, and how long to wait for it.</summary>
    public bool TryNext(int attempt, TimeSpan elapsed, out TimeSpan wait)
    {
        wait = WaitAfter(attempt);
        return elapsed + wait < Timeout;
    }
}

/// <summary>
/// The same request <see cref="Count"/> times with <see cref="Concurrency"/> in flight; <c>{{i}}</c> is
/// the index. Every response must meet <see cref="Expect"/>, at least one <see cref="ExpectSome"/>.
/// </summary>
public sealed record BurstStep(
    int Count,
    int Concurrency,
    RequestTemplate Request,
    Expectation Expect,
    Expectation? ExpectSome,
    Collect? Collect) : ScenarioStep
{
    /// <summary>The placeholder a burst fills with the request's index.</summary>
    public const string Index = "i";

    public override string Kind => StepKinds.Burst;
}

/// <summary>Gathers a list variable from a burst: <see cref="Value"/> of each response whose status is in <see cref="WhenStatus"/>.</summary>
public sealed record Collect(string Name, string Value, IReadOnlyList<int> WhenStatus);

/// <summary>Controls the upstream stub: reset its counters, change its faults, change a resource's data.</summary>
public sealed record UpstreamStep(bool Reset, UpstreamFaultChange? Faults, UpstreamDataChange? Set) : ScenarioStep
{
    public override string Kind => StepKinds.Upstream;
}

/// <summary>Fault settings for the stub; null fields stay as they are.</summary>
public sealed record UpstreamFaultChange(int? LatencyMs, int? JitterMs, bool? Outage, int? FailFirst, IReadOnlyList<string>? FailKeys);

/// <summary>New data for one key of the stub (its version is bumped).</summary>
public sealed record UpstreamDataChange(string Key, string DataJson);

/// <summary>Assertions on the stub's counters (<c>/control/stats</c>).</summary>
public sealed record ExpectUpstreamStep(
    IReadOnlyDictionary<string, Comparison> Calls,
    Comparison? TotalCalls,
    IReadOnlyDictionary<string, Comparison> PeakConcurrency,
    EffectsExpectation? Effects,
    bool TracedFromLastRequest,
    Eventually? Eventually) : ScenarioStep
{
    public const string LastRequest = "last-request";

    public override string Kind => StepKinds.ExpectUpstream;
}

/// <summary>For every value of the list variable <see cref="References"/>, the stub's effect counters must compare so.</summary>
public sealed record EffectsExpectation(string References, Comparison? Applied, Comparison? Attempts, Comparison? Failures);

/// <summary>A signal to the service's container, then optionally <c>docker start</c> and a readiness wait.</summary>
public sealed record ServiceStep(ServiceSignal Signal, bool Restart) : ScenarioStep
{
    public override string Kind => StepKinds.Service;
}

public enum ServiceSignal
{
    Kill,
    Term,
}

/// <summary>Assertions on the service's container: running, memory in use, restarts the runner made.</summary>
public sealed record ExpectServiceStep(bool? Running, Comparison? MemoryMiB, Comparison? Restarts) : ScenarioStep
{
    public override string Kind => StepKinds.ExpectService;
}

public sealed record SleepStep(TimeSpan Duration) : ScenarioStep
{
    public override string Kind => StepKinds.Sleep;
}
