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
/// Reads a submission folder's source within <see cref="InsightLimits"/> and reports findings (C# only:
/// the rules are Roslyn's) and metrics (every language). Text only: the submission is never built,
/// loaded or run, nor are its analyzers or generators.
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
        var languages = sources.Languages.Select(l => l.Id()).ToList();
        var others = sources.Code.Where(f => f.Language != SourceLanguage.CSharp).ToList();
        CodeInsight insight;
        if (sources.Code.Count == 0)
        {
            insight = new CodeInsight("csharp", false, "the submission has no source in a language code insight reads (C#, Python, Go, JavaScript, TypeScript, Java)", "none", [], null, sources.LimitsReached, Elapsed(clock), languages, FindingsRan: false);
        }
        else if (sources.CSharp.Count == 0)
        {
            var metrics = MetricsCalculator.Of(null, others, sources.Projects, cancellationToken);
            insight = new CodeInsight(MainLanguage(sources), true, null, "lexical", [], metrics, sources.LimitsReached, Elapsed(clock), languages, FindingsRan: false);
        }
        else
        {
            var code = CodeBase.Parse(sources.CSharp, bind: true, cancellationToken);
            var remaining = limits.TimeBudget - clock.Elapsed;
            var scan = FindingScanner.Scan(code, sources.Settings, remaining, cancellationToken);
            var metrics = MetricsCalculator.Of(code, others, sources.Projects, cancellationToken);
            insight = new CodeInsight(MainLanguage(sources), true, null, scan.Mode, scan.Findings, metrics, [.. sources.LimitsReached, .. scan.LimitsReached], Elapsed(clock), languages);
        }

        return new InsightResult(insight, InsightChecks.From(insight));
    }

    /// <summary>The language with the most files; C# on a tie, since its findings are the ones shown.</summary>
    private static string MainLanguage(SourceSet sources) =>
        sources.Code.GroupBy(f => f.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key.Id();

    private static double Elapsed(Stopwatch clock) => Math.Round(clock.Elapsed.TotalMilliseconds, 1);
}
