using Assessments.Domain.Scenarios;
using Assessments.Load.Thresholds;

namespace Assessments.Runner.Checks;

/// <summary>Everything wrong with a response against a step's expectation, each as a short sentence.</summary>
public static class ExpectationCheck
{
    public static IReadOnlyList<string> Problems(Expectation expect, RecordedExchange exchange, IReadOnlyDictionary<string, string> values)
    {
        if (exchange.Evidence.Response is not { } response)
        {
            return [exchange.Evidence.Error ?? "no response"];
        }

        var problems = new List<string>();
        if (!expect.Status.Contains(response.Status))
        {
            problems.Add($"status {response.Status}, expected {string.Join(" or ", expect.Status)}");
        }

        if (expect.MaxMs is { } maxMs && exchange.Evidence.DurationMs > maxMs)
        {
            var margin = DelayRobustness.JudgeMaxMs(exchange.Evidence.DurationMs, maxMs, exchange.RunnerDelayMs);
            problems.Add($"took {exchange.Evidence.DurationMs:0} ms, expected at most {maxMs} ms" + (exchange.RunnerDelayMs > 0 ? $" ({margin.Explanation})" : string.Empty));
        }

        var headers = exchange.Headers ?? new Dictionary<string, string>();
        if (expect.ContentType is not null)
        {
            var actual = headers.TryGetValue("Content-Type", out var ct) ? ct.Split(';')[0].Trim() : null;
            if (!string.Equals(actual, expect.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"content type {actual ?? "missing"}, expected {expect.ContentType}");
            }
        }

        foreach (var (name, expected) in expect.Headers)
        {
            var actual = headers.TryGetValue(name, out var v) ? v : null;
            if (ValueMatcher.MatchHeader(actual, Placeholders.Render(expected, values)) is { } problem)
            {
                problems.Add($"header {name} {problem}");
            }
        }

        if (expect.Json.Count > 0)
        {
            var json = ScenarioRunner.TryParse(exchange.Body);
            if (json is null)
            {
                problems.Add("the body is not JSON");
                return problems;
            }

            foreach (var (path, expected) in expect.Json)
            {
                var node = JsonPath.Select(json, path, out var found);
                if (ValueMatcher.MatchJson(node, found, Placeholders.Render(expected, values)) is { } problem)
                {
                    problems.Add($"{path} {problem}");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Whether the response-time verdict of <paramref name="exchange"/> could flip by the runner's own
    /// delay during it: slower than <c>maxMs</c>, but not once that delay is taken off.
    /// </summary>
    public static bool TimingCouldFlip(Expectation expect, RecordedExchange exchange, out string why)
    {
        why = string.Empty;
        if (expect.MaxMs is not { } maxMs || exchange.Evidence.Response is null)
        {
            return false;
        }

        var margin = DelayRobustness.JudgeMaxMs(exchange.Evidence.DurationMs, maxMs, exchange.RunnerDelayMs);
        why = $"{exchange.Evidence.Request.Method} {exchange.Evidence.Request.Url} took {exchange.Evidence.DurationMs:0} ms against maxMs {maxMs}: {margin.Explanation}";
        return !margin.Certain;
    }
}
