using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;

namespace Assessments.Runner.Checks;

/// <summary>
/// Runs a challenge's scenarios against the service, step by step, and turns each into a check
/// outcome whose evidence is every exchange it made, the failing one explained.
/// </summary>
public sealed class ScenarioRunner(ExchangeRecorder recorder)
{
    public async Task<CheckOutcome> RunAsync(Scenario scenario, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        var evidence = new List<Evidence>();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var exchange = await SendAsync(step.Request, values, cancellationToken);
            var problems = ExpectationCheck.Problems(step.Expect, exchange, values);
            var label = $"step {i + 1}: {exchange.Evidence.Request.Method} {exchange.Evidence.Request.Url}";
            if (problems.Count > 0)
            {
                var summary = $"{label}: {string.Join("; ", problems)}";
                evidence.Add(Evidence.Of(exchange.Evidence, summary));
                return new CheckOutcome(scenario.Id, false, summary, evidence);
            }

            evidence.Add(Evidence.Of(exchange.Evidence, $"{label}: as expected ({exchange.Evidence.Response!.Status})"));
            Capture(step.Capture, exchange, values);
        }

        return new CheckOutcome(scenario.Id, true, $"all {scenario.Steps.Count} step(s) as expected", evidence);
    }

    private Task<RecordedExchange> SendAsync(RequestTemplate template, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var headers = template.Headers.ToDictionary(h => h.Key, h => Placeholders.Render(h.Value, values), StringComparer.OrdinalIgnoreCase);
        var body = template.JsonBody ?? template.RawBody;
        var rendered = body is null ? null : Placeholders.Render(body, values);
        var contentType = headers.Remove("Content-Type", out var declared) ? declared : template.JsonBody is not null ? "application/json" : "text/plain";
        return recorder.SendAsync(template.Method, PathOnly(Placeholders.Render(template.Path, values)), headers, rendered, contentType, cancellationToken);
    }

    /// <summary>
    /// A captured Location may be an absolute URL naming any host; requests only ever go to the
    /// service under test, so only its path and query are kept.
    /// </summary>
    public static string PathOnly(string pathOrUrl)
    {
        var path = Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.PathAndQuery
            : pathOrUrl;

        // "//host/x" is a network-path reference: resolved against the service it would name another host.
        return "/" + path.TrimStart('/', '\\');
    }

    private static void Capture(IReadOnlyDictionary<string, string> capture, RecordedExchange exchange, Dictionary<string, string> values)
    {
        foreach (var (name, source) in capture)
        {
            if (source.StartsWith(CaptureSource.HeaderPrefix, StringComparison.Ordinal))
            {
                if (exchange.Headers?.TryGetValue(source[CaptureSource.HeaderPrefix.Length..], out var header) == true)
                {
                    values[name] = header;
                }
            }
            else if (TryParse(exchange.Body) is { } json)
            {
                var node = JsonPath.Select(json, source[CaptureSource.JsonPrefix.Length..], out var found);
                if (found)
                {
                    values[name] = ValueMatcher.Text(node);
                }
            }
        }
    }

    public static JsonNode? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
