using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;
using Assessments.Runner.Grading;

namespace Assessments.Runner.Operations;

/// <summary>
/// Sends the trace probe with a fresh traceparent and looks for its trace id where propagation shows:
/// in the calls the upstream stub received (challenges with an upstream), otherwise in a
/// traceparent/traceresponse header of the response or in the service's stdout.
/// </summary>
internal sealed class TraceContextCheck(ExchangeRecorder recorder, ServiceStdout? stdout, GradingHost? host)
{
    public const string Title = "Incoming W3C trace context is carried on (to the upstream, the response or the logs)";

    // Logs and upstream calls may trail the response a little (async loggers, background work).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async Task<CheckOutcome> RunAsync(ProbeRequest probe, CancellationToken cancellationToken)
    {
        var trace = TraceContext.Fresh();
        var headers = new Dictionary<string, string> { ["traceparent"] = trace.Header };
        var exchange = await recorder.SendAsync(probe.Method, probe.Path, headers, probe.JsonBody, probe.JsonBody is null ? null : "application/json", cancellationToken);
        var sent = Evidence.Of(exchange.Evidence, $"{probe} with traceparent {trace.Header} {OperationsStage.Seen(exchange)}");

        if (host?.Upstream is { } upstream)
        {
            return await UpstreamAsync(upstream, trace, sent, cancellationToken);
        }

        foreach (var name in new[] { "traceparent", "traceresponse" })
        {
            if (exchange.Headers?.GetValueOrDefault(name) is { } value && trace.IsCarriedBy(value))
            {
                return Passed($"the response carries trace id {trace.TraceId} in its {name} header", [sent]);
            }
        }

        if (stdout is null)
        {
            return Failed($"trace id {trace.TraceId} is not in the response's headers (and the logs could not be read)", [sent]);
        }

        var lines = await PollAsync(() => stdout.ReadAsync(host!.ContainerId, cancellationToken), l => l.Any(trace.IsMentionedIn), cancellationToken);
        return lines.FirstOrDefault(trace.IsMentionedIn) is { } line
            ? Passed($"the service logged trace id {trace.TraceId}", [sent, Evidence.Log("the log line that carries it", [Shorten(line)])])
            : Failed($"trace id {trace.TraceId} is neither in a traceparent/traceresponse header of the response nor in the {lines.Count} stdout line(s)", [sent]);
    }

    private static async Task<CheckOutcome> UpstreamAsync(IUpstreamStats upstream, TraceContext trace, Evidence sent, CancellationToken cancellationToken)
    {
        var stats = await PollAsync(() => upstream.ReadAsync(cancellationToken), s => s.Traceparents.Any(trace.IsCarriedBy), cancellationToken);
        var match = stats.Traceparents.FirstOrDefault(trace.IsCarriedBy);
        if (match is not null)
        {
            return Passed($"the upstream received trace id {trace.TraceId} ({match})", [sent]);
        }

        var recent = stats.Traceparents.TakeLast(5).ToList();
        return Failed(
            $"the upstream received {stats.Traceparents.Count} traceparent(s) but none with trace id {trace.TraceId}",
            [sent, Evidence.Log("the last traceparents the upstream received", recent.Count == 0 ? ["(none)"] : recent)]);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> found, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        var value = await read();
        while (!found(value) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, cancellationToken);
            value = await read();
        }

        return value;
    }

    private static CheckOutcome Passed(string summary, IReadOnlyList<Evidence> evidence) =>
        OperationsStage.Outcome(OperationsChecks.TraceContext, true, summary, evidence, Title);

    private static CheckOutcome Failed(string summary, IReadOnlyList<Evidence> evidence) =>
        OperationsStage.Outcome(OperationsChecks.TraceContext, false, summary, evidence, Title);

    private static string Shorten(string line) => line.Length > 300 ? line[..300] : line;
}
