using System.Diagnostics;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Insight.Findings;
using Assessments.Insight.Metrics;
using Assessments.Insight.Sources;

namespace Assessments.Insight;

/// <summary>What code insight tells a report: the section itself and the check outcomes rubrics may name.</summary>
public sealed record InsightResult(CodeInsight Insight, IReadOnlyList<CheckOutcome> Outcomes);

/// <summary>
/// Reads a submission folder's C# within <see cref="InsightLimits"/> and reports findings and metrics.
/// Text only: the submission is never built, loaded or run, nor are its analyzers or generators.
/// </summary>
public static class SubmissionAnalysis
{
    public static InsightResult Analyze(string submissionRoot, InsightLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= InsightLimits.Default;
        var clock = Stopwatch.StartNew();
        return Analyze(SourceSet.Read(submissionRoot, limits), limits, clock, cancellationToken);
    }

    public static InsightResult Analyze(SourceSet sources, InsightLimits? limits = null, CancellationToken cancellationToken = default) =>
        Analyze(sources, limits ?? InsightLimits.Default, Stopwatch.StartNew(), cancellationToken);

    private static InsightResult Analyze(SourceSet sources, InsightLimits limits, Stopwatch clock, CancellationToken cancellationToken)
    {
        CodeInsight insight;
        if (sources.CSharp.Count == 0)
        {
            insight = new CodeInsight("csharp", false, "the submission has no C# source", "none", [], null, sources.LimitsReached, Elapsed(clock));
        }
        else
        {
            var code = CodeBase.Parse(sources.CSharp, bind: true, cancellationToken);
            var remaining = limits.TimeBudget - clock.Elapsed;
            var scan = FindingScanner.Scan(code, sources.Settings, remaining, cancellationToken);
            var metrics = MetricsCalculator.Of(code, sources.Projects, cancellationToken);
            insight = new CodeInsight("csharp", true, null, scan.Mode, scan.Findings, metrics, [.. sources.LimitsReached, .. scan.LimitsReached], Elapsed(clock));
        }

        return new InsightResult(insight, InsightChecks.From(insight));
    }

    private static double Elapsed(Stopwatch clock) => Math.Round(clock.Elapsed.TotalMilliseconds, 1);
}
