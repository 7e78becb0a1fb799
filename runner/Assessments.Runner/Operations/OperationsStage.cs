using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;
using Assessments.Runner.Grading;

namespace Assessments.Runner.Operations;

/// <summary>
/// The operations checks every challenge with an <c>operations:</c> block gets: probes, metrics, the
/// error format of an unknown route, trace context and structured logs while the service runs, and
/// (as the grading's very last check) a graceful shutdown on SIGTERM.
/// </summary>
public sealed class OperationsStage : IGradingStage, IFinalStage
{
    public string Phase => "operations";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        if (service.Challenge.Operations is not { } operations)
        {
            return [];
        }

        service.Progress?.Report(new GradingProgress(Phase, "probes, metrics, error format, trace context and logs"));
        var recorder = new ExchangeRecorder(service.Http, service.BaseAddress, service.Challenge.Service.Port);
        var outcomes = new List<CheckOutcome>
        {
            await ProbeAsync(recorder, OperationsChecks.Liveness, operations.Liveness, "The liveness probe answers 200", cancellationToken),
            await ProbeAsync(recorder, OperationsChecks.Readiness, operations.Readiness, "The readiness probe answers 200", cancellationToken),
            await MetricsAsync(recorder, operations.Metrics, cancellationToken),
            await ProblemJsonAsync(recorder, $"/this-route-does-not-exist-r{service.Seed}", cancellationToken),
        };

        var stdout = service.Host is { } host ? new ServiceStdout(host.Docker) : null;
        outcomes.Add(await new TraceContextCheck(recorder, stdout, service.Host).RunAsync(operations.TraceProbe, cancellationToken));
        outcomes.Add(StructuredLogs(stdout is null ? null : await stdout.ReadAsync(service.Host!.ContainerId, cancellationToken)));
        return outcomes;
    }

    public async Task<IReadOnlyList<CheckOutcome>> RunLastAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        if (service.Challenge.Operations is not { } operations)
        {
            return [];
        }

        if (service.Host is not { } host)
        {
            return [Outcome(OperationsChecks.GracefulShutdown, false, "the runner gave this stage no access to the container, so no signal could be sent", [], GracefulShutdown.Title)];
        }

        service.Progress?.Report(new GradingProgress("shutdown", "SIGTERM with a request in flight"));
        return [await new GracefulShutdown(host, new ExchangeRecorder(service.Http, service.BaseAddress, service.Challenge.Service.Port)).RunAsync(operations, cancellationToken)];
    }

    internal static CheckOutcome Outcome(string id, bool passed, string summary, IReadOnlyList<Evidence> evidence, string title) =>
        new(id, passed, summary, evidence, title, Visibility.Visible);

    private static async Task<CheckOutcome> ProbeAsync(ExchangeRecorder recorder, string id, string path, string title, CancellationToken cancellationToken)
    {
        var exchange = await recorder.SendAsync("GET", path, new Dictionary<string, string>(), null, null, cancellationToken);
        var status = exchange.Evidence.Response?.Status;
        var summary = status == 200 ? $"GET {path} answered 200" : $"GET {path} {Seen(exchange)}, not 200";
        return Outcome(id, status == 200, summary, [Evidence.Of(exchange.Evidence, summary) with { Passed = status == 200 }], title);
    }

    private static async Task<CheckOutcome> MetricsAsync(ExchangeRecorder recorder, string path, CancellationToken cancellationToken)
    {
        const string title = "Metrics in the Prometheus text format, with an HTTP request metric";
        var exchange = await recorder.SendAsync("GET", path, new Dictionary<string, string> { ["Accept"] = "text/plain" }, null, null, cancellationToken);
        if (exchange.Evidence.Response?.Status != 200 || exchange.Body is null)
        {
            var failed = $"GET {path} {Seen(exchange)}, not 200";
            return Outcome(OperationsChecks.Metrics, false, failed, [Evidence.Of(exchange.Evidence, failed) with { Passed = false }], title);
        }

        var scrape = PrometheusText.Parse(exchange.Body);
        var sample = scrape.FirstRequestSample;
        var summary = sample is not null
            ? $"{scrape.Samples.Count} sample(s), among them {sample.Name}"
            : scrape.Samples.Count == 0
                ? $"no line in the Prometheus text format ({scrape.InvalidLines.Count} other line(s))"
                : $"{scrape.Samples.Count} sample(s), but none whose name mentions http or request";
        var lines = sample is not null ? new[] { sample.Line } : scrape.InvalidLines.Take(3).Concat(scrape.Samples.Take(3).Select(s => s.Line)).ToArray();
        return Outcome(OperationsChecks.Metrics, sample is not null, summary, [Evidence.Of(exchange.Evidence, summary) with { Passed = sample is not null }, Evidence.Log("lines that decided it", lines)], title);
    }

    private static async Task<CheckOutcome> ProblemJsonAsync(ExchangeRecorder recorder, string path, CancellationToken cancellationToken)
    {
        const string title = "An unknown route answers 404 with application/problem+json";
        var exchange = await recorder.SendAsync("GET", path, new Dictionary<string, string>(), null, null, cancellationToken);
        var status = exchange.Evidence.Response?.Status;
        var contentType = exchange.Headers?.GetValueOrDefault("Content-Type");
        var isProblem = contentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) == true;
        var passed = status == 404 && isProblem;
        var summary = passed
            ? $"GET {path} answered 404 {contentType}"
            : status is null ? $"GET {path} {Seen(exchange)}" : $"GET {path} answered {status} with {(contentType is null ? "no Content-Type" : contentType)}, not 404 application/problem+json";
        return Outcome(OperationsChecks.ProblemJson, passed, summary, [Evidence.Of(exchange.Evidence, summary) with { Passed = passed }], title);
    }

    private static CheckOutcome StructuredLogs(IReadOnlyList<string>? stdout)
    {
        const string title = "Logs on stdout are structured (JSON with timestamp, level and message)";
        if (stdout is null)
        {
            return Outcome(OperationsChecks.StructuredLogs, false, "the runner gave this stage no access to the container's output", [], title);
        }

        var verdict = StructuredLogVerdict.Judge(stdout);
        var summary = verdict.Lines == 0
            ? "the service wrote nothing to stdout"
            : $"{verdict.Structured} of {verdict.Lines} stdout line(s) are structured records ({verdict.Share:P0}; {StructuredLogVerdict.RequiredShare:P0} needed)";
        var evidence = new List<Evidence> { Evidence.Measurement(summary, Math.Round(verdict.Share * 100, 1), "%") };
        if (verdict.FirstUnstructured is { } line)
        {
            evidence.Add(Evidence.Log($"first line that is not a structured record: {verdict.Problem}", [line.Length > 300 ? line[..300] : line]) with { Passed = false });
        }

        evidence.Add(Evidence.Log("the first lines the service wrote", stdout.Where(l => l.Length > 0).Take(5).Select(l => l.Length > 300 ? l[..300] : l).ToList()));
        return Outcome(OperationsChecks.StructuredLogs, verdict.Passed, summary, evidence, title);
    }

    internal static string Seen(RecordedExchange exchange) =>
        exchange.Evidence.Response is { } response ? $"answered {response.Status}" : $"got no answer ({exchange.Evidence.Error})";
}
