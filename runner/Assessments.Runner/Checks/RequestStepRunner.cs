using System.Diagnostics;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;

namespace Assessments.Runner.Checks;

/// <summary>
/// A request step: sends it (with a fresh traceparent unless the step sets one), checks the response,
/// captures values, and with <c>eventually</c> repeats until the expectation holds or time is up.
/// </summary>
internal sealed class RequestStepRunner(ExchangeRecorder recorder)
{
    public const string Traceparent = "traceparent";

    public async Task<StepResult> RunAsync(RequestStep step, int index, ScenarioContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var headers = new Dictionary<string, string>(step.Request.Headers, StringComparer.OrdinalIgnoreCase);
            if (!headers.ContainsKey(Traceparent))
            {
                headers[Traceparent] = context.TraceparentFor(index, attempt);
            }

            var sent = Placeholders.Render(headers[Traceparent], context.Values);
            context.LastTraceId = sent.Split('-') is { Length: 4 } parts ? parts[1] : null;
            var exchange = await SendAsync(recorder, step.Request with { Headers = headers }, context.Values, cancellationToken);
            var problems = ExpectationCheck.Problems(step.Expect, exchange, context.Values);
            var label = $"step {index + 1}: {exchange.Evidence.Request.Method} {exchange.Evidence.Request.Url}";
            var retrying = step.Eventually is { } eventually && problems.Count > 0 && clock.Elapsed + eventually.Interval < eventually.Timeout;
            if (retrying)
            {
                await Task.Delay(step.Eventually!.Interval, cancellationToken);
                continue;
            }

            var tries = attempt > 1 ? $" after {attempt} attempts over {clock.Elapsed.TotalSeconds:0.0} s" : string.Empty;
            if (problems.Count > 0)
            {
                var summary = $"{label}: {string.Join("; ", problems)}{tries}";
                return new StepResult(false, summary, [Evidence.Of(exchange.Evidence, summary) with { Passed = false }]);
            }

            ScenarioRunner.Capture(step.Capture, exchange, context.Values);
            return new StepResult(true, label, [Evidence.Of(exchange.Evidence, $"{label}: as expected ({exchange.Evidence.Response!.Status}){tries}") with { Passed = true }]);
        }
    }

    public static Task<RecordedExchange> SendAsync(ExchangeRecorder recorder, RequestTemplate template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var headers = template.Headers.ToDictionary(h => h.Key, h => Placeholders.Render(h.Value, values), StringComparer.OrdinalIgnoreCase);
        var body = template.JsonBody ?? template.RawBody;
        var rendered = body is null ? null : Placeholders.Render(body, values);
        var contentType = headers.Remove("Content-Type", out var declared) ? declared : template.JsonBody is not null ? "application/json" : "text/plain";
        return recorder.SendAsync(template.Method, ScenarioRunner.PathOnly(Placeholders.Render(template.Path, values)), headers, rendered, contentType, cancellationToken);
    }
}
