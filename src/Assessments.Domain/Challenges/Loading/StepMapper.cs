using System.Text.Json.Nodes;
using Assessments.Domain.Scenarios;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>
/// Maps one scenario step: finds its one kind (a step with none or two is a problem), maps it, and
/// refuses fields that belong to other kinds, so that a misplaced key is never silently ignored.
/// </summary>
internal static class StepMapper
{
    private const string File = ChallengeFiles.Scenarios;

    public static ScenarioStep? Map(StepDocument doc, string where, StepScope scope, ProblemList problems)
    {
        var kinds = KindsOf(doc);
        if (kinds.Count != 1)
        {
            problems.Add(File, where, kinds.Count == 0
                ? $"a step needs exactly one kind: {StepKinds.Request}, {StepKinds.Burst}, {StepKinds.Upstream}, {StepKinds.ExpectUpstream}, {StepKinds.Service}, {StepKinds.ExpectService} or {StepKinds.Sleep}"
                : $"a step has exactly one kind, this one has {string.Join(" and ", kinds)}");
            return null;
        }

        var kind = kinds[0];
        RefuseStrayFields(doc, kind, where, problems);
        if (kind is StepKinds.Upstream or StepKinds.ExpectUpstream && !scope.HasUpstream)
        {
            problems.Add(File, where, $"a {kind} step needs an upstream, and challenge.yaml declares none");
        }

        ScenarioStep? step = kind switch
        {
            StepKinds.Request => ScenarioMapper.MapRequestStep(doc, where, scope, problems),
            StepKinds.Burst => MapBurst(doc, where, scope, problems),
            StepKinds.Upstream => MapUpstream(doc.Upstream!, $"{where}.upstream", problems),
            StepKinds.ExpectUpstream => MapExpectUpstream(doc, where, scope, problems),
            StepKinds.Service => MapService(doc.Service!, $"{where}.service", problems),
            StepKinds.ExpectService => MapExpectService(doc.ExpectService!, $"{where}.expectService", problems),
            _ => MapSleep(doc.Sleep!, $"{where}.sleep", problems),
        };
        scope.HasRequest |= step is RequestStep;
        return step;
    }

    private static List<string> KindsOf(StepDocument doc)
    {
        var kinds = new List<string>();
        if (doc.Burst is not null)
        {
            kinds.Add(StepKinds.Burst);
        }
        else if (doc.Request is not null || doc.Expect is not null)
        {
            kinds.Add(StepKinds.Request);
        }

        if (doc.Upstream is not null)
        {
            kinds.Add(StepKinds.Upstream);
        }

        if (doc.ExpectUpstream is not null)
        {
            kinds.Add(StepKinds.ExpectUpstream);
        }

        if (doc.Service is not null)
        {
            kinds.Add(StepKinds.Service);
        }

        if (doc.ExpectService is not null)
        {
            kinds.Add(StepKinds.ExpectService);
        }

        if (doc.Sleep is not null)
        {
            kinds.Add(StepKinds.Sleep);
        }

        return kinds;
    }

    private static void RefuseStrayFields(StepDocument doc, string kind, string where, ProblemList problems)
    {
        void Refuse(bool present, string field, string owners)
        {
            if (present)
            {
                problems.Add(File, $"{where}.{field}", $"'{field}' belongs to {owners} steps, not to a {kind} step");
            }
        }

        Refuse(doc.Capture is not null && kind != StepKinds.Request, "capture", StepKinds.Request);
        Refuse(doc.Eventually is not null && kind is not (StepKinds.Request or StepKinds.ExpectUpstream), "eventually", "request and expectUpstream");
        Refuse(doc.ExpectSome is not null && kind != StepKinds.Burst, "expectSome", StepKinds.Burst);
        Refuse(doc.Collect is not null && kind != StepKinds.Burst, "collect", StepKinds.Burst);
        Refuse(doc.Request is not null && kind is not (StepKinds.Request or StepKinds.Burst), "request", "request and burst");
        Refuse(doc.Expect is not null && kind is not (StepKinds.Request or StepKinds.Burst), "expect", "request and burst");
    }

    public static Eventually? MapEventually(EventuallyDocument? doc, string where, ProblemList problems)
    {
        if (doc is null)
        {
            return null;
        }

        var timeout = doc.TimeoutSeconds ?? 30;
        var interval = doc.IntervalMs ?? 500;
        if (timeout is < 1 or > 300 || interval is < 10 or > 60_000)
        {
            problems.Add(File, where, "timeoutSeconds must be 1–300 and intervalMs 10–60000");
        }

        return new Eventually(TimeSpan.FromSeconds(timeout), TimeSpan.FromMilliseconds(interval));
    }

    private static BurstStep? MapBurst(StepDocument doc, string where, StepScope scope, ProblemList problems)
    {
        var count = doc.Burst!.Count ?? 0;
        var concurrency = doc.Burst.Concurrency ?? Math.Min(count, 10);
        if (count is < 1 or > 2_000)
        {
            problems.Add(File, $"{where}.burst.count", "must be between 1 and 2000");
        }

        if (concurrency < 1 || concurrency > Math.Max(1, Math.Min(count, 256)))
        {
            problems.Add(File, $"{where}.burst.concurrency", "must be between 1 and the count (at most 256)");
        }

        if (!problems.Require(doc.Request, File, $"{where}.request", "a burst's request")
            | !problems.Require(doc.Expect, File, $"{where}.expect", "a burst's expect (every response must meet it)"))
        {
            return null;
        }

        var request = ScenarioMapper.MapRequest(doc.Request!, $"{where}.request", problems);
        var expect = ScenarioMapper.MapExpect(doc.Expect!, $"{where}.expect", problems);
        scope.CheckPlaceholders(request, expect, where, problems, BurstStep.Index);
        var some = doc.ExpectSome is null ? null : ScenarioMapper.MapExpect(doc.ExpectSome, $"{where}.expectSome", problems);
        if (some is not null)
        {
            scope.CheckPlaceholders(request, some, $"{where}.expectSome", problems, BurstStep.Index);
        }

        Collect? collect = null;
        if (doc.Collect is { } c)
        {
            var ok = problems.Require(c.Name, File, $"{where}.collect.name", "the list variable's name")
                & problems.Require(c.Value, File, $"{where}.collect.value", "the value collected per request");
            if (c.Name is not null && (scope.Captured.Contains(c.Name) || ScenarioVariables.BuiltIn.Contains(c.Name) || c.Name == BurstStep.Index))
            {
                problems.Add(File, $"{where}.collect.name", $"'{c.Name}' already names a captured or built-in value");
            }

            if (c.Value is not null)
            {
                scope.CheckNames(Placeholders.NamesIn(c.Value), $"{where}.collect.value", problems, BurstStep.Index);
            }

            var when = c.When?.Status is null ? [] : ScenarioMapper.MapExpect(c.When, $"{where}.collect.when", problems).Status;
            if (ok)
            {
                collect = new Collect(c.Name!, c.Value!, when);
                scope.Collected.Add(c.Name!);
            }
        }

        return new BurstStep(count, concurrency, request, expect, some, collect);
    }

    private static UpstreamStep? MapUpstream(UpstreamStepDocument doc, string where, ProblemList problems)
    {
        if (doc.Reset is null && doc.Faults is null && doc.Set is null)
        {
            problems.Add(File, where, "give reset, faults or set");
            return null;
        }

        UpstreamFaultChange? faults = null;
        if (doc.Faults is { } f)
        {
            if (f.LatencyMs is < 0 or > 10_000 || f.JitterMs is < 0 or > 5_000 || f.FailFirst is < 0 or > 100)
            {
                problems.Add(File, $"{where}.faults", "latencyMs must be 0–10000, jitterMs 0–5000 and failFirst 0–100");
            }

            if (f.FailKeys?.Any(string.IsNullOrWhiteSpace) == true)
            {
                problems.Add(File, $"{where}.faults.failKeys", "globs must not be empty");
            }

            faults = new UpstreamFaultChange(f.LatencyMs, f.JitterMs, f.Outage, f.FailFirst, f.FailKeys);
        }

        UpstreamDataChange? set = null;
        if (doc.Set is { } s)
        {
            var ok = problems.Require(s.Key, File, $"{where}.set.key", "the key to change");
            if (s.Key?.Contains('/') == true)
            {
                problems.Add(File, $"{where}.set.key", "a key is one path segment");
            }

            if (s.Data is not JsonObject data)
            {
                problems.Add(File, $"{where}.set.data", "the new data must be a mapping");
            }
            else if (ok)
            {
                set = new UpstreamDataChange(s.Key!, data.ToJsonString());
            }
        }

        return new UpstreamStep(doc.Reset == true, faults, set);
    }

    private static ExpectUpstreamStep? MapExpectUpstream(StepDocument doc, string where, StepScope scope, ProblemList problems)
    {
        var e = doc.ExpectUpstream!;
        var at = $"{where}.expectUpstream";
        var calls = ParseComparisons(e.Calls, $"{at}.calls", problems);
        var peak = ParseComparisons(e.PeakConcurrency, $"{at}.peakConcurrency", problems);
        var total = ParseComparison(e.TotalCalls, $"{at}.totalCalls", problems);
        EffectsExpectation? effects = null;
        if (e.Effects is { } fx)
        {
            if (problems.Require(fx.References, File, $"{at}.effects.references", "the list variable naming the references")
                && !scope.Collected.Contains(fx.References!))
            {
                problems.Add(File, $"{at}.effects.references", $"'{fx.References}' is not a list gathered by an earlier burst's collect");
            }

            var applied = ParseComparison(fx.Applied, $"{at}.effects.applied", problems);
            var attempts = ParseComparison(fx.Attempts, $"{at}.effects.attempts", problems);
            var failures = ParseComparison(fx.Failures, $"{at}.effects.failures", problems);
            if (applied is null && attempts is null && failures is null)
            {
                problems.Add(File, $"{at}.effects", "give applied, attempts or failures to compare");
            }

            effects = new EffectsExpectation(fx.References ?? string.Empty, applied, attempts, failures);
        }

        var traced = false;
        if (e.TracedFrom is { } from)
        {
            traced = from == ExpectUpstreamStep.LastRequest;
            if (!traced)
            {
                problems.Add(File, $"{at}.tracedFrom", $"'{from}' must be '{ExpectUpstreamStep.LastRequest}'");
            }
            else if (!scope.HasRequest)
            {
                problems.Add(File, $"{at}.tracedFrom", "no request step comes before this one");
            }
        }

        if (calls.Count == 0 && peak.Count == 0 && total is null && effects is null && !traced)
        {
            problems.Add(File, at, "give at least one of calls, totalCalls, peakConcurrency, effects or tracedFrom");
        }

        return new ExpectUpstreamStep(calls, total, peak, effects, traced, MapEventually(doc.Eventually, $"{where}.eventually", problems));
    }

    private static ServiceStep? MapService(ServiceStepDocument doc, string where, ProblemList problems)
    {
        var signal = (doc.Signal ?? string.Empty).ToUpperInvariant().Replace("SIG", string.Empty, StringComparison.Ordinal);
        if (signal is not ("KILL" or "TERM"))
        {
            problems.Add(File, $"{where}.signal", $"'{doc.Signal}' must be KILL or TERM");
            return null;
        }

        return new ServiceStep(signal == "KILL" ? ServiceSignal.Kill : ServiceSignal.Term, doc.Restart ?? true);
    }

    private static ExpectServiceStep? MapExpectService(ExpectServiceDocument doc, string where, ProblemList problems)
    {
        var memory = ParseComparison(doc.MemoryMiB, $"{where}.memoryMiB", problems);
        var restarts = ParseComparison(doc.Restarts, $"{where}.restarts", problems);
        if (doc.Running is null && memory is null && restarts is null)
        {
            problems.Add(File, where, "give running, memoryMiB or restarts");
            return null;
        }

        return new ExpectServiceStep(doc.Running, memory, restarts);
    }

    private static SleepStep? MapSleep(SleepDocument doc, string where, ProblemList problems)
    {
        if (doc.Milliseconds is not (>= 1 and <= 60_000))
        {
            problems.Add(File, $"{where}.milliseconds", "must be between 1 and 60000");
            return null;
        }

        return new SleepStep(TimeSpan.FromMilliseconds(doc.Milliseconds.Value));
    }

    private static Dictionary<string, Comparison> ParseComparisons(Dictionary<string, string>? doc, string where, ProblemList problems)
    {
        var result = new Dictionary<string, Comparison>(StringComparer.Ordinal);
        foreach (var (route, text) in doc ?? [])
        {
            if (!route.Contains(" /", StringComparison.Ordinal))
            {
                problems.Add(File, $"{where}.{route}", $"'{route}' must be a route as the stub counts it, such as 'GET /prices/SKU-1'");
            }

            if (ParseComparison(text, $"{where}.{route}", problems) is { } comparison)
            {
                result[route] = comparison;
            }
        }

        return result;
    }

    private static Comparison? ParseComparison(string? text, string where, ProblemList problems)
    {
        if (text is null)
        {
            return null;
        }

        if (!Comparison.TryParse(text, out var comparison))
        {
            problems.Add(File, where, $"'{text}' must be a comparison such as <=1, <3, >=2, >0 or ==1");
            return null;
        }

        return comparison;
    }
}
