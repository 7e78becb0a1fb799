using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Domain.Thresholds;
using Assessments.Load.Capacity;
using Assessments.Load.Model;
using Assessments.Load.Output;

namespace Assessments.Cli.Load;

/// <summary>
/// <c>assess load --find-capacity</c>: bisects between <c>--rate</c> and <c>--max-rate</c> for the highest
/// open-model rate at which every threshold holds. Exit code 0 when one did and every probe was valid,
/// 1 when no rate met the target, 2 when a probe was invalid (the generator, not the service, was the
/// limit, so the capacity is only "at least" the figure printed).
/// </summary>
internal static class CapacityRun
{
    public static async Task<int> RunAsync(
        Func<int, LoadPlan> planForRate, IReadOnlyList<ThresholdSpec> target, CapacityStrategy strategy, bool json, CancellationToken cancellationToken)
    {
        var result = await CapacitySearch.RunAsync(planForRate, target, strategy, cancellationToken);
        Console.WriteLine(json ? JsonSerializer.Serialize(result, LoadResultJson.Options) : Summary(result, target));
        return result.LimitedByGenerator ? 2 : result.HighestPassingRate is null ? 1 : 0;
    }

    /// <summary>Why the arguments cannot drive a search, or null when they can.</summary>
    public static string? Problem(int? rate, int? maxRate, int resolution, int thresholds) =>
        rate is null ? "--find-capacity searches open-model rates: give --rate (the lowest rate to probe), not --vus."
        : maxRate is null || maxRate <= rate ? "--find-capacity needs --max-rate above --rate (the highest rate to probe)."
        : resolution < 1 ? "--resolution must be at least 1 request per second."
        : thresholds == 0 ? "--find-capacity needs at least one --threshold: it is the target each rate must meet."
        : null;

    private static string Summary(CapacityResult result, IReadOnlyList<ThresholdSpec> target)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Target: {string.Join(" and ", target)}");
        text.AppendLine();
        text.AppendLine("| rate (req/s) | met target | valid | p99 (ms) | failed |");
        text.AppendLine("|---:|---|---|---:|---:|");
        foreach (var probe in result.Probes)
        {
            var valid = probe.Valid ? "yes" : $"no: {probe.InvalidReason}";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {probe.Rate} | {(probe.MetTarget ? "yes" : "no")} | {valid} | {probe.P99Ms:0.##} | {probe.FailedRate:P2} |");
        }

        text.AppendLine();
        text.Append(result switch
        {
            { HighestPassingRate: null, LimitedByGenerator: true } => "No capacity found: the generator, not the service, was the limit of an invalid probe before any valid one met the target.",
            { HighestPassingRate: null } => "No rate probed met the target.",
            { LimitedByGenerator: true } => $"Capacity: at least {result.HighestPassingRate} req/s (a probe above it was invalid: the generator was the limit).",
            _ => $"Capacity: {result.HighestPassingRate} req/s.",
        });
        return text.ToString();
    }
}
