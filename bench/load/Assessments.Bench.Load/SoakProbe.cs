using System.Diagnostics;
using System.Globalization;
using Assessments.Load;
using Assessments.Load.Model;

namespace Assessments.Bench.Load;

/// <summary>
/// A long open-model run that samples the process's memory every 30 s, to show it stays flat: the
/// engine keeps histograms and counters, never a list of samples.
/// </summary>
public static class SoakProbe
{
    public static async Task<int> RunAsync(Uri url, int rate, double seconds, CancellationToken cancellationToken)
    {
        var plan = EngineProbe.Plan(url, Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds)), TimeSpan.FromSeconds(5), 256);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var sampling = SampleAsync(clock, stop.Token);
        var result = await LoadRunner.RunAsync(plan, cancellationToken);
        await stop.CancelAsync();
        await sampling;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak_done requests={result.Requests} rate_error={result.Generator.RateError:0.######} lag_p99_ms={result.Generator.DispatchLag.P99} valid={result.Valid}"));
        return 0;
    }

    private static async Task SampleAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                using var process = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"soak t={clock.Elapsed.TotalSeconds:0}s managed_mb={GC.GetTotalMemory(false) / 1048576.0:0.0} working_set_mb={process.WorkingSet64 / 1048576.0:0.0} gen2={GC.CollectionCount(2)}"));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
