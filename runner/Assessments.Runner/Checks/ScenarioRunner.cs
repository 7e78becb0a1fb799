using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Dependencies;
using Assessments.Runner.Docker;

namespace Assessments.Runner.Checks;

/// <summary>
/// Runs a challenge's scenarios against the service, step by step, and turns each into a check
/// outcome whose evidence is every exchange it made, the failing one explained.
/// </summary>
public sealed class ScenarioRunner(ExchangeRecorder recorder, UpstreamControl? upstream = null, ServiceControl? service = null)
{
    public async Task<CheckOutcome> RunAsync(Scenario scenario, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken) =>
        (await RunTimedAsync(scenario, variables, cancellationToken)).Outcome;

    /// <summary>Runs the scenario and times it and every step it reached, for the report's <c>timings.scenarios</c>.</summary>
    public async Task<(CheckOutcome Outcome, ScenarioTiming Timing)> RunTimedAsync(
        Scenario scenario, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var context = new ScenarioContext(scenario.Id, variables);
        var evidence = new List<Evidence>();
        var steps = new List<StepTiming>();
        var whole = Stopwatch.StartNew();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await RunStepAsync(scenario.Steps[i], i, context, cancellationToken);
            steps.Add(new StepTiming(i + 1, scenario.Steps[i].Kind, Math.Round(clock.Elapsed.TotalMilliseconds, 1), result.Passed, result.Attempts));
            evidence.AddRange(result.Evidence);
            if (!result.Passed)
            {
                return (new CheckOutcome(scenario.Id, false, result.Summary, evidence), Timing(scenario, whole, steps));
            }
        }

        return (new CheckOutcome(scenario.Id, true, $"all {scenario.Steps.Count} step(s) as expected", evidence), Timing(scenario, whole, steps));
    }

    private static ScenarioTiming Timing(Scenario scenario, Stopwatch whole, List<StepTiming> steps) =>
        new(scenario.Id, scenario.Title, Math.Round(whole.Elapsed.TotalMilliseconds, 1), steps);

    private async Task<StepResult> RunStepAsync(ScenarioStep step, int index, ScenarioContext context, CancellationToken cancellationToken) => step switch
    {
        RequestStep request => await new RequestStepRunner(recorder).RunAsync(request, index, context, cancellationToken),
        BurstStep burst => await new BurstRunner(recorder).RunAsync(burst, index, context, cancellationToken),
        UpstreamStep control => await new UpstreamSteps(Upstream()).ControlAsync(control, index, cancellationToken),
        ExpectUpstreamStep expect => await new UpstreamSteps(Upstream()).ExpectAsync(expect, index, context, cancellationToken),
        ServiceStep signal => await new ServiceSteps(Service()).SignalAsync(signal, index, cancellationToken),
        ExpectServiceStep expect => await new ServiceSteps(Service()).ExpectAsync(expect, index, cancellationToken),
        SleepStep sleep => await SleepAsync(sleep, index, cancellationToken),
        _ => throw new InvalidOperationException($"no runner for {step.Kind} steps"),
    };

    private static async Task<StepResult> SleepAsync(SleepStep step, int index, CancellationToken cancellationToken)
    {
        await Task.Delay(step.Duration, cancellationToken);
        var summary = $"step {index + 1} (sleep): waited {step.Duration.TotalMilliseconds:0} ms";
        return new StepResult(true, summary, [Evidence.Note(summary)]);
    }

    // The loader refuses these steps in a challenge without an upstream; reaching one here is the platform's defect.
    private UpstreamControl Upstream() => upstream ?? throw new InfrastructureException("an upstream step ran, but no upstream stub was started");

    private ServiceControl Service() => service ?? throw new InfrastructureException("a service step ran outside a grading (no container to act on)");

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

    internal static void Capture(IReadOnlyDictionary<string, string> capture, RecordedExchange exchange, Dictionary<string, string> values)
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
