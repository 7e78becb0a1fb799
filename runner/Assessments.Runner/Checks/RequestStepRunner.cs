using System.Diagnostics;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Docker;

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
        var remeasured = false;
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
            if (ExpectationCheck.TimingCouldFlip(step.Expect, exchange, out var why))
            {
                // The runner, not the service, may have made it late: measure a safe request once more; anything else is a platform fault.
                if (remeasured || !IsSafe(exchange.Evidence.Request.Method))
                {
                    throw new InfrastructureException($"a response-time verdict could flip by the runner's own delay, so it is not judged: {why}");
                }

                remeasured = true;
                continue;
            }

            var problems = ExpectationCheck.Problems(step.Expect, exchange, context.Values);
            var label = $"step {index + 1}: {exchange.Evidence.Request.Method} {exchange.Evidence.Request.Url}";
            var final = step.Eventually is not null && problems.Count > 0 && WaitingCannotChange(step.Expect, exchange);
            if (step.Eventually is { } eventually && problems.Count > 0 && !final && eventually.TryNext(attempt, clock.Elapsed, out var wait))
            {
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            var tries = attempt > 1 ? $" after {attempt} attempts over {clock.Elapsed.TotalSeconds:0.0} s" : string.Empty;
            if (final)
            {
                tries += "; not waited for: 501 Not Implemented is the service saying it does not do this, which time does not change";
            }

            if (problems.Count > 0)
            {
                var summary = $"{label}: {string.Join("; ", problems)}{tries}";
                return new StepResult(false, summary, [Evidence.Of(exchange.Evidence, summary) with { Passed = false }], attempt);
            }

            ScenarioRunner.Capture(step.Capture, exchange, context.Values);
            return new StepResult(true, label, [Evidence.Of(exchange.Evidence, $"{label}: as expected ({exchange.Evidence.Response!.Status}){tries}") with { Passed = true }], attempt);
        }
    }

    /// <summary>
    /// An answer that no amount of polling turns into the expected one: 501 Not Implemented (a starter's
    /// endpoint, say) when 501 is not what the step expects. Waiting out an <c>eventually</c> budget on it
    /// cost a starter's grading half a minute and told the candidate nothing more.
    /// </summary>
    private static bool WaitingCannotChange(Expectation expect, RecordedExchange exchange) =>
        exchange.Evidence.Response?.Status == 501 && !expect.Status.Contains(501);

    private static bool IsSafe(string method) => method is "GET" or "HEAD" or "OPTIONS";

    public static Task<RecordedExchange> SendAsync(ExchangeRecorder recorder, RequestTemplate template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var headers = template.Headers.ToDictionary(h => h.Key, h => Placeholders.Render(h.Value, values), StringComparer.OrdinalIgnoreCase);
        var body = template.JsonBody ?? template.RawBody;
        var rendered = body is null ? null : Placeholders.Render(body, values);
        var contentType = headers.Remove("Content-Type", out var declared) ? declared : template.JsonBody is not null ? "application/json" : "text/plain";
        return recorder.SendAsync(template.Method, ScenarioRunner.PathOnly(Placeholders.Render(template.Path, values)), headers, rendered, contentType, cancellationToken);
    }
}
