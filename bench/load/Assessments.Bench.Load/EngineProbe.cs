using System.Globalization;
using Assessments.Load;
using Assessments.Load.Model;

namespace Assessments.Bench.Load;

/// <summary>Runs the engine once and prints key=value lines that run.sh reads.</summary>
public static class EngineProbe
{
    public static async Task<int> ClosedAsync(Uri url, int copies, double seconds, CancellationToken cancellationToken)
    {
        var plan = Plan(url, Simulation.KeepConstant(copies, TimeSpan.FromSeconds(seconds + 1)), TimeSpan.FromSeconds(1), copies);
        var result = await LoadRunner.RunAsync(plan, cancellationToken);
        Print("rps", result.Rps);
        Print("requests", result.Requests);
        Print("ok_responses", result.StatusCodes.GetValueOrDefault("200"));
        Print("bytes_received", result.Steps.Sum(s => s.BytesReceived));
        Print("errors", result.Errors);
        Print("p99_ms", result.Latency.P99);
        return 0;
    }

    public static async Task<int> OpenAsync(Uri url, int rate, double seconds, double warmup, CancellationToken cancellationToken)
    {
        var during = TimeSpan.FromSeconds(seconds + warmup);
        var plan = Plan(url, Simulation.Inject(rate, TimeSpan.FromSeconds(1), during), TimeSpan.FromSeconds(warmup), 256);
        var result = await LoadRunner.RunAsync(plan, cancellationToken);
        Print("target_rps", result.Generator.TargetRate ?? 0);
        Print("started_rps", result.Generator.AchievedRate ?? 0);
        Print("rate_error", result.Generator.RateError ?? 0);
        Print("completed_rps", result.Rps);
        Print("lag_p50_ms", result.Generator.DispatchLag.P50);
        Print("lag_p99_ms", result.Generator.DispatchLag.P99);
        Print("lag_max_ms", result.Generator.DispatchLag.Max);
        Print("p99_ms", result.Latency.P99);
        Print("errors", result.Errors);
        Print("gc_count", GC.CollectionCount(0));
        Print("gc_pause_ms", GC.GetTotalPauseDuration().TotalMilliseconds);
        Print("allocated_mb", GC.GetTotalAllocatedBytes() / 1048576.0);
        Print("connections_opened", result.Generator.ConnectionsOpened);
        Console.WriteLine($"valid={result.Valid.ToString().ToLowerInvariant()}");
        if (!result.Valid)
        {
            Console.WriteLine($"invalid_reason={result.InvalidReason}");
        }

        return 0;
    }

    public static LoadPlan Plan(Uri url, LoadSimulation simulation, TimeSpan warmup, int connections) =>
        new([new Scenario("bench", [new Step("get", HttpRequestTemplate.Get(url))], [simulation])])
        {
            Warmup = warmup,
            Connections = connections,
        };

    private static void Print(string key, double value) =>
        Console.WriteLine($"{key}={value.ToString("0.######", CultureInfo.InvariantCulture)}");
}
