using Assessments.Domain.Scenarios;

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
            problems.Add($"took {exchange.Evidence.DurationMs:0} ms, expected at most {maxMs} ms");
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
}
