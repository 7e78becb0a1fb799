using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Reporting.Summary;

/// <summary>A failed criterion in one line: what, which competency, and why.</summary>
public sealed record FailedCriterion(string Id, string Title, string Competency, int Points, int MaxPoints, string Reason);

/// <summary>A headline number with what it is judged against (threshold, the reference), and whether it held.</summary>
public sealed record KeyFigure(string Name, string Value, bool? Held);

/// <summary>
/// What an interviewer reads first, computed once for every rendering (HTML, Markdown, terminal):
/// the final level and the rubric's, the score, the gates that decided the level, the failed
/// criteria in one line each, and the key figures.
/// </summary>
public sealed record Verdict(
    string FinalLevel,
    string RubricLevel,
    LevelOverride? Override,
    int Score,
    IReadOnlyList<string> DecidingGates,
    IReadOnlyList<FailedCriterion> Failed,
    IReadOnlyList<CriterionResult> Passed,
    IReadOnlyList<KeyFigure> Figures)
{
    /// <summary>Build, start and intake failures: nothing was judged, so the report is the cause and its log, once.</summary>
    public static bool IsFailureShaped(GradingReport r) =>
        r.Status is ReportStatus.BuildFailed or ReportStatus.StartFailed or ReportStatus.Rejected or ReportStatus.InfrastructureError;

    public static Verdict Of(GradingReport r, LevelOverride? levelOverride = null)
    {
        var rubric = r.Level.ToName();
        var failed = r.Criteria.Where(c => !c.Passed)
            .OrderByDescending(c => c.MaxPoints).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new FailedCriterion(c.Id, c.Title, c.Competency, c.Points, c.MaxPoints, ReasonOf(c)))
            .ToList();
        var passed = r.Criteria.Where(c => c.Passed).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new Verdict(levelOverride?.Level ?? rubric, rubric, levelOverride, r.Score, r.LevelReasons, failed, passed, KeyFigures.Of(r));
    }

    /// <summary>
    /// The reason a criterion failed: the failed check's own summary when the report has it, else the
    /// first piece of evidence marked as the failure, else the first piece from a check that failed.
    /// Never a passing exchange and never a bare count.
    /// </summary>
    public static string ReasonOf(CriterionResult c)
    {
        if (c.Reason is { Length: > 0 } reason)
        {
            return reason;
        }

        var failing = c.Evidence.FirstOrDefault(e => e.Passed == false)
            ?? c.Evidence.FirstOrDefault(e => e.Passed is null && e.Kind != EvidenceKinds.Note)
            ?? c.Evidence.FirstOrDefault(e => e.Passed is null)
            ?? c.Evidence.FirstOrDefault();
        return failing?.Summary ?? "no evidence recorded";
    }
}
