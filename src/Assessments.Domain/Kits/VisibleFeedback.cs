using Assessments.Domain.Reports;
using Assessments.Domain.Rubrics;
using Assessments.Domain.Scoring;

namespace Assessments.Domain.Kits;

/// <summary>One visible check as a candidate sees it, with the points it carries in the rubric.</summary>
public sealed record FeedbackCheck(CheckReport Check, double Points, double MaxPoints);

/// <summary>A competency the hidden checks judged: how many of its hidden checks failed. Never which ones.</summary>
public sealed record HiddenArea(string Competency, int Failed, int Checks);

/// <summary>
/// What a candidate may learn from a report: the visible checks with their evidence, failures first,
/// the points they earned of those they could, and, for hidden checks, only the areas that failed.
/// No level and no score: those are the interviewers' to share. The platform's feedback and
/// <c>assess check</c> both come from here, so they say the same thing about the same outcomes.
/// </summary>
public sealed record VisibleFeedback(
    IReadOnlyList<FeedbackCheck> Checks,
    int Points,
    int MaxPoints,
    int HiddenChecks,
    int HiddenPassed,
    IReadOnlyList<HiddenArea> HiddenAreas)
{
    public const string Visible = "visible";

    /// <param name="rubric">The challenge's rubric (or a kit's, which holds only visible checks).</param>
    /// <param name="checks">The report's checks, visibility as the grader recorded it.</param>
    /// <param name="isVisible">Whether a check is visible, also for checks that never ran.</param>
    public static VisibleFeedback From(Rubric rubric, IReadOnlyList<CheckReport> checks, Func<string, bool> isVisible)
    {
        var visibleRubric = VisibleRubric.From(rubric, isVisible);
        var visible = checks.Where(c => c.Visibility == Visible).ToList();
        var card = Scorer.Score(visibleRubric, visible.Select(c => new CheckOutcome(c.Id, c.Passed, c.Summary, c.Evidence)).ToList());
        var feedback = visible
            .Select(c => new FeedbackCheck(c, c.Passed ? ShareOf(visibleRubric, c.Id) : 0, ShareOf(visibleRubric, c.Id)))
            .OrderBy(c => c.Check.Passed)
            .ToList();

        var hidden = checks.Where(c => c.Visibility != Visible).ToList();
        var areas = hidden
            .SelectMany(c => rubric.Criteria.Where(k => k.Checks.Contains(c.Id)).Select(k => k.Competency).Distinct(StringComparer.Ordinal).Select(competency => (competency, c.Passed)))
            .GroupBy(x => x.competency, StringComparer.Ordinal)
            .Select(g => new HiddenArea(g.Key, g.Count(x => !x.Passed), g.Count()))
            .OrderByDescending(a => a.Failed).ThenBy(a => a.Competency, StringComparer.Ordinal)
            .ToList();
        return new VisibleFeedback(feedback, card.Criteria.Sum(c => c.Points), visibleRubric.MaxPoints, hidden.Count, hidden.Count(c => c.Passed), areas);
    }

    // A check's share of every criterion naming it: a criterion's points split evenly among its checks.
    private static double ShareOf(Rubric rubric, string checkId) =>
        Math.Round(rubric.Criteria.Where(c => c.Checks.Contains(checkId)).Sum(c => (double)c.Points / c.Checks.Count), 1);
}
