using System.Diagnostics;
using System.Text.Json.Nodes;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Dependencies;

namespace Assessments.Runner.Checks;

/// <summary>The <c>upstream</c> step (control the stub) and the <c>expectUpstream</c> step (assert on its stats).</summary>
internal sealed class UpstreamSteps(UpstreamControl upstream)
{
    public async Task<StepResult> ControlAsync(UpstreamStep step, int index, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        if (step.Reset)
        {
            await upstream.ResetAsync(cancellationToken);
            done.Add("counters and faults reset");
        }

        if (step.Faults is { } faults)
        {
            var now = await upstream.SetFaultsAsync(faults, cancellationToken);
            done.Add($"faults now {now?.ToJsonString()}");
        }

        if (step.Set is { } set)
        {
            var changed = await upstream.SetResourceAsync(set.Key, set.DataJson, cancellationToken);
            done.Add($"'{set.Key}' set to {set.DataJson} (version {changed?["version"]})");
        }

        var summary = $"step {index + 1} (upstream): {string.Join("; ", done)}";
        return new StepResult(true, summary, [Evidence.Note(summary)]);
    }

    public async Task<StepResult> ExpectAsync(ExpectUpstreamStep step, int index, ScenarioContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var stats = await upstream.StatsAsync(cancellationToken);
            var (problems, excerpt) = UpstreamStatsCheck.Judge(step, stats, context.Lists, context.LastTraceId);
            if (problems.Count > 0 && step.Eventually is { } eventually && eventually.TryNext(attempt, clock.Elapsed, out var wait))
            {
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            var tries = attempt > 1 ? $" ({attempt} looks over {clock.Elapsed.TotalSeconds:0.0} s)" : string.Empty;
            var summary = problems.Count == 0
                ? $"step {index + 1} (expectUpstream): as expected{tries}"
                : $"step {index + 1} (expectUpstream): {string.Join("; ", problems)}{tries}";
            return new StepResult(problems.Count == 0, summary, [Evidence.Log($"{summary}; the stub's stats:", excerpt) with { Passed = problems.Count == 0 }], attempt);
        }
    }
}

/// <summary>Judges the stub's <c>/control/stats</c> against an <c>expectUpstream</c> step; pure, so it is tested without a stub.</summary>
public static class UpstreamStatsCheck
{
    private const int ShownReferences = 5;

    public static (IReadOnlyList<string> Problems, IReadOnlyList<string> Excerpt) Judge(
        ExpectUpstreamStep step, JsonObject stats, IReadOnlyDictionary<string, IReadOnlyList<string>> lists, string? lastTraceId)
    {
        var problems = new List<string>();
        var excerpt = new List<string>();
        foreach (var (route, expected) in step.Calls)
        {
            Compare($"calls[\"{route}\"]", Number(stats["calls"]?[route]), expected, problems, excerpt);
        }

        if (step.TotalCalls is { } total)
        {
            Compare("totalCalls", Number(stats["totalCalls"]), total, problems, excerpt);
        }

        foreach (var (route, expected) in step.PeakConcurrency)
        {
            Compare($"peakConcurrency[\"{route}\"]", Number(stats["peakConcurrency"]?[route]), expected, problems, excerpt);
        }

        if (step.Effects is { } effects)
        {
            JudgeEffects(effects, stats["effects"] as JsonObject, lists, problems, excerpt);
        }

        if (step.TracedFromLastRequest)
        {
            var seen = (stats["traceparents"] as JsonArray)?.Select(t => t?.ToString() ?? string.Empty).ToList() ?? [];
            var reached = lastTraceId is not null && seen.Any(t => t.Split('-') is { Length: 4 } p && string.Equals(p[1], lastTraceId, StringComparison.OrdinalIgnoreCase));
            excerpt.Add($"traceparents: {seen.Count} recorded, last: {(seen.Count == 0 ? "none" : seen[^1])}; looked for trace id {lastTraceId ?? "none"}");
            if (!reached)
            {
                problems.Add($"the trace id {lastTraceId} sent with the last request did not reach the upstream ({seen.Count} traceparent(s) recorded)");
            }
        }

        return (problems, excerpt);
    }

    private static void JudgeEffects(EffectsExpectation effects, JsonObject? recorded, IReadOnlyDictionary<string, IReadOnlyList<string>> lists, List<string> problems, List<string> excerpt)
    {
        var references = lists.GetValueOrDefault(effects.References) ?? [];
        if (references.Count == 0)
        {
            problems.Add($"the list '{effects.References}' is empty: no reference to check");
            return;
        }

        var wrong = new List<string>();
        foreach (var reference in references)
        {
            var entry = recorded?[reference];
            var counters = new[] { ("applied", effects.Applied), ("attempts", effects.Attempts), ("failures", effects.Failures) };
            var bad = counters.Where(c => c.Item2 is { } cmp && !cmp.Holds(Number(entry?[c.Item1]))).ToList();
            if (bad.Count > 0)
            {
                wrong.Add($"{reference}: {string.Join(", ", bad.Select(c => $"{c.Item1} {Number(entry?[c.Item1])} (expected {c.Item2})"))}");
            }
        }

        excerpt.Add($"effects: {references.Count - wrong.Count} of {references.Count} reference(s) in '{effects.References}' as expected");
        excerpt.AddRange(wrong.Take(ShownReferences));
        if (wrong.Count > 0)
        {
            problems.Add($"{wrong.Count} of {references.Count} reference(s) in '{effects.References}' were not as expected, e.g. {wrong[0]}");
        }
    }

    private static void Compare(string name, double actual, Comparison expected, List<string> problems, List<string> excerpt)
    {
        excerpt.Add($"{name} = {actual} (expected {expected})");
        if (!expected.Holds(actual))
        {
            problems.Add($"{name} is {actual}, expected {expected}");
        }
    }

    private static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
}
