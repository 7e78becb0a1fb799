using System.CommandLine;
using Assessments.Domain.Thresholds;
using Assessments.Load;
using Assessments.Load.Capacity;
using Assessments.Load.Model;
using Assessments.Load.Output;

namespace Assessments.Cli.Load;

/// <summary>
/// <c>assess load &lt;url&gt;</c>: the engine as a standalone tool. Open model with <c>--rate</c>,
/// closed with <c>--vus</c>. Exit code 0 when every threshold passed and the run was valid, 1 when a
/// threshold failed, 2 when the run was invalid (the generator, not the service, was the limit).
/// <c>--find-capacity</c> runs a search of open-model rates instead (see <see cref="CapacityRun"/>).
/// </summary>
public static class LoadCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "Target URL on loopback (127.0.0.0/8, ::1 or localhost)." };
        var rate = new Option<int?>("--rate") { Description = "Open model: requests started per second, whatever the responses do." };
        var vus = new Option<int?>("--vus") { Description = "Closed model: copies that each send their next request when the last one ends." };
        var duration = new Option<double>("--duration") { Description = "Measured seconds (after warm-up).", DefaultValueFactory = _ => 10 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of load before measuring, left out of the result.", DefaultValueFactory = _ => 2 };
        var connections = new Option<int>("--connections") { Description = "Maximum open connections (and requests in flight).", DefaultValueFactory = _ => 100 };
        var thresholds = new Option<string[]>("--threshold")
        {
            Description = "Repeatable, e.g. 'p(99) < 50ms', 'rate(failed) < 1%', 'rps >= 500; abortOnFail'. A failing one exits with 1.",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print the JSON result instead of the Markdown summary." };
        var findCapacity = new Option<bool>("--find-capacity")
        {
            Description = "Find the highest rate that meets every --threshold: bisection from --rate to --max-rate, one run of --warmup plus --duration per probe.",
        };
        var maxRate = new Option<int?>("--max-rate") { Description = "With --find-capacity: the highest rate to probe." };
        var resolution = new Option<int>("--resolution")
        {
            Description = "With --find-capacity: stop once the highest passing and the lowest failing rate are this many requests per second apart.",
            DefaultValueFactory = _ => 100,
        };

        var command = new Command("load", "Load-test a running HTTP service honestly: open-model arrivals, latency from the intended start, self-checked generator.")
        {
            url, rate, vus, duration, warmup, connections, thresholds, json, findCapacity, maxRate, resolution,
        };

        command.SetAction(async (ParseResult parsed, CancellationToken cancellationToken) =>
        {
            if (!Uri.TryCreate(parsed.GetValue(url), UriKind.Absolute, out var target))
            {
                await Console.Error.WriteLineAsync($"'{parsed.GetValue(url)}' is not an absolute URL such as http://127.0.0.1:8080/.");
                return 2;
            }

            var requestsPerSecond = parsed.GetValue(rate);
            var copies = parsed.GetValue(vus);
            if (requestsPerSecond is null == copies is null)
            {
                await Console.Error.WriteLineAsync("Give exactly one of --rate (open model) or --vus (closed model).");
                return 2;
            }

            LoadPlan PlanFor(int? openRate, IReadOnlyList<ThresholdSpec> targets) => BuildPlan(
                target,
                openRate,
                copies,
                TimeSpan.FromSeconds(parsed.GetValue(duration)),
                TimeSpan.FromSeconds(parsed.GetValue(warmup)),
                parsed.GetValue(connections),
                targets);

            LoadPlan plan;
            try
            {
                plan = PlanFor(requestsPerSecond, (parsed.GetValue(thresholds) ?? []).Select(ThresholdSpec.Parse).ToList());
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 2;
            }

            LoadResult result;
            try
            {
                if (parsed.GetValue(findCapacity))
                {
                    if (CapacityRun.Problem(requestsPerSecond, parsed.GetValue(maxRate), parsed.GetValue(resolution), plan.Thresholds.Count) is { } problem)
                    {
                        await Console.Error.WriteLineAsync(problem);
                        return 2;
                    }

                    var strategy = CapacityStrategy.Bisection(requestsPerSecond!.Value, parsed.GetValue(maxRate)!.Value, parsed.GetValue(resolution));
                    return await CapacityRun.RunAsync(r => PlanFor(r, plan.Thresholds), plan.Thresholds, strategy, parsed.GetValue(json), cancellationToken);
                }

                result = await LoadRunner.RunAsync(plan, cancellationToken);
            }
            catch (ArgumentException exception)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 2;
            }

            Console.WriteLine(parsed.GetValue(json) ? LoadResultWriter.ToJson(result) : LoadResultWriter.ToMarkdown(result));
            return !result.ThresholdsPassed ? 1 : result.Valid ? 0 : 2;
        });
        return command;
    }

    private static LoadPlan BuildPlan(
        Uri target, int? rate, int? copies, TimeSpan duration, TimeSpan warmup, int connections, IReadOnlyList<ThresholdSpec> thresholds)
    {
        // Warm-up runs at the same load as the measured part, so the service is measured warm.
        var simulation = rate is { } r
            ? Simulation.Inject(r, TimeSpan.FromSeconds(1), warmup + duration)
            : Simulation.KeepConstant(copies!.Value, warmup + duration);
        var scenario = new Scenario("load", [new Step("request", HttpRequestTemplate.Get(target))], [simulation]);
        return new LoadPlan([scenario])
        {
            Warmup = warmup,
            Connections = copies is { } c ? Math.Max(connections, c) : connections,
            Thresholds = thresholds,
        };
    }
}
