using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Operations;

namespace Assessments.Runner.Grading;

/// <summary>
/// <c>load.upstream-efficiency</c>: how many calls the upstream stub received per request the load sent
/// (warm-up included, as the stub counts those too), against the profile's limit. A cache shows here.
/// </summary>
internal static class UpstreamEfficiency
{
    private const string Title = "Under load the service calls its upstream sparingly (upstream calls per request)";

    public static async Task<CheckOutcome> JudgeAsync(LoadProfile profile, Comparison limit, IUpstreamStats? upstream, UpstreamStats? before, CancellationToken cancellationToken)
    {
        if (upstream is null || before is null)
        {
            return Outcome(false, "the challenge judges upstream calls per request but no upstream stub ran in this grading", []);
        }

        var after = await upstream.ReadAsync(cancellationToken);
        var calls = after.TotalCalls - before.TotalCalls;
        var sent = (long)(profile.Rate * (profile.Warmup + profile.Duration).TotalSeconds);
        var perRequest = sent == 0 ? 0 : (double)calls / sent;
        var passed = limit.Holds(perRequest);
        var summary = $"{calls} upstream call(s) for {sent} request(s): {perRequest:0.###} per request (limit {limit})";
        Evidence[] evidence =
        [
            Evidence.Measurement("upstream calls per request under load", Math.Round(perRequest, 4), "calls/request") with { Passed = passed },
            Evidence.Note($"the stub counted {before.TotalCalls} call(s) before the load and {after.TotalCalls} after"),
        ];
        return Outcome(passed, summary, evidence);
    }

    private static CheckOutcome Outcome(bool passed, string summary, IReadOnlyList<Evidence> evidence) =>
        new(BuiltInChecks.LoadUpstreamEfficiency, passed, summary, evidence, Title, Visibility.Visible);
}
