using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Reporting;

/// <summary>What both human reports show, computed once: headline, per-competency totals, failures first.</summary>
internal static class ReportView
{
    public static string Headline(GradingReport r, Summary.LevelOverride? levelOverride = null) => r.Status switch
    {
        ReportStatus.Graded when levelOverride is { } o => $"Level {o.Level} (set by an interviewer; the rubric gave {r.Level.ToName()}) with {r.Score}/100",
        ReportStatus.Graded => $"Level {r.Level.ToName()} with {r.Score}/100",
        ReportStatus.BuildFailed => "The submission did not build",
        ReportStatus.StartFailed => "The service did not start",
        ReportStatus.Rejected => "The submission was rejected at intake",
        _ => "Not graded: a platform fault (retried, never held against the candidate)",
    };

    public static IReadOnlyList<(string Competency, int Points, int MaxPoints)> Competencies(GradingReport r) =>
        r.Criteria.GroupBy(c => c.Competency)
            .Select(g => (g.Key, g.Sum(c => c.Points), g.Sum(c => c.MaxPoints)))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Failed criteria first: that is what an interviewer reads a report for.</summary>
    public static IEnumerable<CriterionResult> CriteriaFailuresFirst(GradingReport r) =>
        r.Criteria.OrderBy(c => c.Passed).ThenBy(c => c.Id, StringComparer.Ordinal);

    /// <summary>
    /// The checks a grading judged before a platform fault ended it: shown as evidence, never scored,
    /// since the criteria were not evaluated.
    /// </summary>
    public static IReadOnlyList<CheckReport> ChecksBeforeFault(GradingReport r) =>
        r.Status == ReportStatus.InfrastructureError ? r.Contract.Checks : [];
}
