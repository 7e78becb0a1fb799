using Assessments.Domain.Reports;
using Assessments.Domain.Rubrics;

namespace Assessments.Domain.Scoring;

/// <summary>
/// Turns check outcomes into a score card. Pure: the same outcomes and rubric always give the same
/// card, which is what lets two runners agree on a grade.
/// </summary>
public static class Scorer
{
    public static ScoreCard Score(Rubric rubric, IReadOnlyCollection<CheckOutcome> outcomes)
    {
        var byCheck = outcomes.ToDictionary(o => o.CheckId, StringComparer.Ordinal);
        var results = rubric.Criteria.Select(c => Evaluate(c, byCheck)).ToList();

        var earned = results.Sum(r => r.Points);
        var score = rubric.MaxPoints == 0 ? 0 : (int)Math.Round(100.0 * earned / rubric.MaxPoints, MidpointRounding.AwayFromZero);
        var (level, reasons) = DecideLevel(rubric, score, results);
        return new ScoreCard(score, level, results, reasons);
    }

    /// <summary>A card for a submission that never ran: every criterion fails with the same reason as evidence.</summary>
    public static ScoreCard NotEvaluated(Rubric rubric, Evidence reason)
    {
        var results = rubric.Criteria
            .Select(c => new CriterionResult(c.Id, c.Title, c.Competency, 0, c.Points, false, [reason]) { Reason = reason.Summary })
            .ToList();
        return new ScoreCard(0, Level.NotYet, results, [reason.Summary]);
    }

    private static CriterionResult Evaluate(Criterion criterion, Dictionary<string, CheckOutcome> byCheck)
    {
        var outcomes = criterion.Checks
            .Select(id => byCheck.TryGetValue(id, out var o) ? o : Missing(id))
            .ToList();
        var passedCount = outcomes.Count(o => o.Passed);
        var passed = outcomes.Count > 0 && passedCount == outcomes.Count;

        int points;
        if (passed)
        {
            points = criterion.Points;
        }
        else if (criterion.Partial && outcomes.Count > 0)
        {
            points = criterion.Points * passedCount / outcomes.Count;
        }
        else
        {
            points = 0;
        }

        var evidence = outcomes.SelectMany(o => (o.Evidence.Count > 0 ? o.Evidence : [Evidence.Note(o.Summary)]).Select(e => Attributed(e, o))).ToList();
        var reason = passed ? null : outcomes.First(o => !o.Passed).Summary;
        return new CriterionResult(criterion.Id, criterion.Title, criterion.Competency, points, criterion.Points, passed, evidence) { Reason = reason };
    }

    /// <summary>
    /// Names the check behind each piece of evidence; everything a passed check shows is passing
    /// evidence, while a failed check's pieces keep what their producer said (the failing exchange).
    /// </summary>
    private static Evidence Attributed(Evidence e, CheckOutcome outcome) =>
        e with { Check = e.Check ?? outcome.CheckId, Passed = e.Passed ?? (outcome.Passed && e.Kind != EvidenceKinds.Note ? true : null) };

    private static CheckOutcome Missing(string id) =>
        new(id, false, $"Check '{id}' did not run.", [Evidence.Note($"Check '{id}' did not run.")]);

    private static (Level, IReadOnlyList<string>) DecideLevel(Rubric rubric, int score, IReadOnlyList<CriterionResult> results)
    {
        var passed = results.Where(r => r.Passed).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var reached = Level.NotYet;
        var reasons = new List<string>();

        // Levels are cumulative: a submission that misses a junior gate is not senior however high it scores.
        foreach (var level in LevelNames.Gated)
        {
            var gate = rubric.GateFor(level);
            if (gate is null)
            {
                continue;
            }

            var missing = gate.Requires.Where(id => !passed.Contains(id)).ToList();
            if (score < gate.MinScore)
            {
                reasons.Add($"{level.ToName()}: score {score} is below {gate.MinScore}");
            }

            if (missing.Count > 0)
            {
                reasons.Add($"{level.ToName()}: required criteria not met: {string.Join(", ", missing)}");
            }

            if (score < gate.MinScore || missing.Count > 0)
            {
                break;
            }

            reached = level;
        }

        return (reached, reasons);
    }
}
