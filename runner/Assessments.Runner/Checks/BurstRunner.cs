using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;

namespace Assessments.Runner.Checks;

/// <summary>
/// A burst: the same request <c>count</c> times with <c>concurrency</c> in flight. Every response must
/// meet <c>expect</c>, at least one <c>expectSome</c>; <c>collect</c> gathers a list for later steps.
/// </summary>
internal sealed class BurstRunner(ExchangeRecorder recorder)
{
    public async Task<StepResult> RunAsync(BurstStep step, int index, ScenarioContext context, CancellationToken cancellationToken)
    {
        var exchanges = new RecordedExchange[step.Count];
        var values = new Dictionary<string, string>[step.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = step.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, step.Count), options, async (i, token) =>
        {
            values[i] = new Dictionary<string, string>(context.Values, StringComparer.Ordinal) { [BurstStep.Index] = i.ToString() };
            exchanges[i] = await RequestStepRunner.SendAsync(recorder, step.Request, values[i], token);
        });

        var label = $"step {index + 1} (burst of {step.Count}, {step.Concurrency} in flight): {step.Request.Method} {step.Request.Path}";
        var evidence = new List<Evidence> { Evidence.Note($"{label}: {StatusCounts(exchanges)}") };
        var slowest = exchanges.MaxBy(e => e.Evidence.DurationMs)!;
        evidence.Add(Evidence.Measurement("slowest response of the burst", Math.Round(slowest.Evidence.DurationMs, 1), "ms"));

        if (step.Collect is { } collect)
        {
            var gathered = Enumerable.Range(0, step.Count)
                .Where(i => exchanges[i].Evidence.Response is { } r && (collect.WhenStatus.Count == 0 || collect.WhenStatus.Contains(r.Status)))
                .Select(i => Placeholders.Render(collect.Value, values[i]))
                .ToList();
            context.Lists[collect.Name] = gathered;
            evidence.Add(Evidence.Note($"collected {gathered.Count} value(s) into '{collect.Name}'"));
        }

        for (var i = 0; i < step.Count; i++)
        {
            if (ExpectationCheck.TimingCouldFlip(step.Expect, exchanges[i], out var why))
            {
                // A burst cannot be sent again as it was: a verdict that could flip is a platform fault.
                throw new Docker.InfrastructureException($"a response-time verdict of a burst could flip by the runner's own delay, so it is not judged: request #{i}: {why}");
            }

            var problems = ExpectationCheck.Problems(step.Expect, exchanges[i], values[i]);
            if (problems.Count > 0)
            {
                var summary = $"{label}: request #{i}: {string.Join("; ", problems)} ({StatusCounts(exchanges)})";
                evidence.Add(Evidence.Of(exchanges[i].Evidence, $"request #{i}, the first that failed: {string.Join("; ", problems)}") with { Passed = false });
                return new StepResult(false, summary, evidence);
            }
        }

        if (step.ExpectSome is { } some)
        {
            var match = Enumerable.Range(0, step.Count).FirstOrDefault(i => ExpectationCheck.Problems(some, exchanges[i], values[i]).Count == 0, -1);
            if (match < 0)
            {
                var problems = ExpectationCheck.Problems(some, exchanges[0], values[0]);
                var summary = $"{label}: no response met expectSome (request #0: {string.Join("; ", problems)}) ({StatusCounts(exchanges)})";
                evidence.Add(Evidence.Of(exchanges[0].Evidence, $"request #0, as an example: {string.Join("; ", problems)}") with { Passed = false });
                return new StepResult(false, summary, evidence);
            }

            evidence.Add(Evidence.Of(exchanges[match].Evidence, $"request #{match} met expectSome") with { Passed = true });
        }
        else
        {
            evidence.Add(Evidence.Of(exchanges[0].Evidence, "request #0, as an example") with { Passed = true });
        }

        return new StepResult(true, label, evidence);
    }

    /// <summary>"202 ×40, 429 ×10, no response ×2": what the burst got back, at a glance.</summary>
    internal static string StatusCounts(IEnumerable<RecordedExchange> exchanges) => string.Join(", ", exchanges
        .GroupBy(e => e.Evidence.Response?.Status.ToString() ?? "no response")
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key} ×{g.Count()}"));
}
