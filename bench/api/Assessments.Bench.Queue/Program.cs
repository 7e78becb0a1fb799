using System.Globalization;
using System.Runtime.InteropServices;
using Assessments.Bench.Queue;
using Assessments.Client;
using Assessments.Platform.Queue;

// Usage: Assessments.Bench.Queue [jobs=100000] [workers=8]
// Prints key=value lines (bench/api/run.sh reads them) and the plans of the claim's statements.
var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

// Ctrl-C or a kill cancels the run; the database is still dropped on the way out.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

await using var database = await BenchDatabase.CreateAsync(workers, stop.Token);
try
{
    var places = await QueueSeeder.SeedAsync(database.DataSource, jobs, stop.Token);
    Console.WriteLine($"jobs={places.Count}");
    Console.WriteLine($"workers={workers}");

    var plans = await ClaimPlans.ExplainAsync(database.DataSource, stop.Token);
    Console.WriteLine($"claim_uses_index={(ClaimPlans.UsesIndexes(plans) ? "yes" : "NO")}");

    var (claims, elapsed) = await ClaimRace.RunAsync(new GradingQueue(database.DataSource), workers, stop.Token);
    var findings = ClaimFindings.Of(claims, places);
    var counts = await new GradingQueue(database.DataSource).CountByStateAsync(stop.Token);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        claims={findings.Claims}
        claim_p50_ms={findings.P50Ms:F2}
        claim_p99_ms={findings.P99Ms:F2}
        claim_max_ms={findings.MaxMs:F2}
        throughput_jobs_per_s={findings.Claims / elapsed.TotalSeconds:F0}
        double_claims={findings.DoubleClaims}
        order_violations={findings.OrderViolations}
        left_queued={counts[SubmissionStates.Queued] + counts[SubmissionStates.Running]}
        finished={counts[SubmissionStates.Finished]}
        """));
    Console.WriteLine("plans (on the full queue, before the workers start):");
    Console.Write(plans);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled; dropping the benchmark database");
    return 130;
}

return 0;

void Cancel(PosixSignalContext context)
{
    // Handled here, so the process lives on long enough to drop its database.
    context.Cancel = true;
    stop.Cancel();
}
