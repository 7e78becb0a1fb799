using Assessments.Domain.Reports;
using Assessments.Domain.Rubrics;
using Assessments.Domain.Scoring;
using static Assessments.UnitTests.Scoring.Outcomes;

namespace Assessments.UnitTests.Scoring;

public sealed class ScorerTests
{
    // 100 points in all, so points read as the score.
    private static readonly Rubric Rubric = new(
        "test-1",
        [
            new Criterion("runs", "Runs", "containers", 10, ["service.ready"]),
            new Criterion("crud", "Creates and reads", "api-design", 30, ["create", "read"]),
            new Criterion("errors", "Error contract", "api-design", 20, ["e1", "e2", "e3"], Partial: true),
            new Criterion("paging", "Pages", "api-design", 40, ["paging"]),
        ],
        [
            new LevelGate(Level.Junior, 40, ["runs"]),
            new LevelGate(Level.EngineerII, 60, ["crud"]),
            new LevelGate(Level.Senior, 90, ["paging"]),
        ]);

    private static readonly string[] AllChecks = ["service.ready", "create", "read", "e1", "e2", "e3", "paging"];

    [Fact]
    public void Score_gives_full_points_and_senior_when_every_check_passes()
    {
        var card = Scorer.Score(Rubric, Passing(AllChecks, AllChecks));

        Assert.Equal(100, card.Score);
        Assert.Equal(Level.Senior, card.Level);
        Assert.All(card.Criteria, c => Assert.True(c.Passed && c.Points == c.MaxPoints, c.Id));
        Assert.Empty(card.LevelReasons);
    }

    [Fact]
    public void Score_gives_the_floor_of_proportional_points_when_a_partial_criterion_passes_some_checks()
    {
        // given two of the three error checks pass: 20 * 2 / 3 = 13.33…
        var outcomes = Passing(AllChecks, "service.ready", "e1", "e2");

        // when
        var errors = Scorer.Score(Rubric, outcomes).Criteria.Single(c => c.Id == "errors");

        // then
        Assert.Equal(13, errors.Points);
        Assert.False(errors.Passed);
    }

    [Fact]
    public void Score_gives_no_points_to_a_criterion_without_partial_credit_when_one_of_its_checks_fails()
    {
        var crud = Scorer.Score(Rubric, Passing(AllChecks, "create")).Criteria.Single(c => c.Id == "crud");

        Assert.Equal(0, crud.Points);
        Assert.False(crud.Passed);
    }

    [Fact]
    public void Score_counts_a_check_that_did_not_run_as_failed_with_evidence_saying_so()
    {
        // given no outcome at all for "read"
        var outcomes = Passing(AllChecks.Where(id => id != "read"), AllChecks);

        var crud = Scorer.Score(Rubric, outcomes).Criteria.Single(c => c.Id == "crud");

        Assert.False(crud.Passed);
        Assert.Equal(0, crud.Points);
        Assert.Contains(crud.Evidence, e => e.Summary == "Check 'read' did not run.");
    }

    [Fact]
    public void Score_uses_the_summary_as_evidence_when_an_outcome_brings_none()
    {
        var outcomes = Passing(AllChecks, AllChecks).Select(o => o with { Evidence = [] }).ToList();

        var runs = Scorer.Score(Rubric, outcomes).Criteria.Single(c => c.Id == "runs");

        Assert.Equal("service.ready passed", Assert.Single(runs.Evidence).Summary);
    }

    [Theory]
    [InlineData("small", 13)] // 1 of 8 points is 12.5 %
    [InlineData("large", 88)] // 7 of 8 points is 87.5 %
    public void Score_rounds_the_percentage_half_away_from_zero(string passing, int expected)
    {
        var rubric = new Rubric(
            "r",
            [new Criterion("small", "Small", "c", 1, ["small"]), new Criterion("large", "Large", "c", 7, ["large"])],
            [new LevelGate(Level.Junior, 100, [])]);

        var card = Scorer.Score(rubric, Passing(["small", "large"], passing));

        Assert.Equal(expected, card.Score);
    }

    [Fact]
    public void Score_is_not_senior_even_at_100_when_a_criterion_the_junior_gate_requires_failed()
    {
        // given a 1-point criterion the junior gate requires, out of 201: missing it still rounds to 100
        var rubric = new Rubric(
            "r",
            [
                new Criterion("runs", "Runs", "c", 1, ["runs"]),
                new Criterion("a", "A", "c", 100, ["a"]),
                new Criterion("b", "B", "c", 100, ["b"]),
            ],
            [new LevelGate(Level.Junior, 10, ["runs"]), new LevelGate(Level.Senior, 90, ["a", "b"])]);

        // when
        var card = Scorer.Score(rubric, Passing(["runs", "a", "b"], "a", "b"));

        // then
        Assert.Equal(100, card.Score);
        Assert.Equal(Level.NotYet, card.Level);
        Assert.Equal(["junior: required criteria not met: runs"], card.LevelReasons);
    }

    [Fact]
    public void Score_stays_not_yet_when_the_score_is_below_the_junior_min_score()
    {
        var card = Scorer.Score(Rubric, Passing(AllChecks, "service.ready"));

        Assert.Equal(10, card.Score);
        Assert.Equal(Level.NotYet, card.Level);
        Assert.Equal(["junior: score 10 is below 40"], card.LevelReasons);
    }

    [Fact]
    public void Score_reaches_the_highest_level_whose_gate_is_met_and_explains_the_next_one()
    {
        // given everything but paging: 60 points, crud passed
        var card = Scorer.Score(Rubric, Passing(AllChecks, "service.ready", "create", "read", "e1", "e2", "e3"));

        Assert.Equal(60, card.Score);
        Assert.Equal(Level.EngineerII, card.Level);
        Assert.Equal(["senior: score 60 is below 90", "senior: required criteria not met: paging"], card.LevelReasons);
    }

    [Fact]
    public void Score_stops_at_junior_when_the_engineer_ii_min_score_is_missed_though_its_criteria_passed()
    {
        // given runs + crud = 40 points: junior's 40 met, engineer-ii's 60 not
        var card = Scorer.Score(Rubric, Passing(AllChecks, "service.ready", "create", "read"));

        Assert.Equal(Level.Junior, card.Level);
        Assert.Equal(["engineer-ii: score 40 is below 60"], card.LevelReasons);
    }

    [Fact]
    public void NotEvaluated_gives_zero_and_not_yet_with_the_reason_as_evidence_on_every_criterion()
    {
        var reason = Evidence.Note("Not evaluated: the build failed");

        var card = Scorer.NotEvaluated(Rubric, reason);

        Assert.Equal(0, card.Score);
        Assert.Equal(Level.NotYet, card.Level);
        Assert.Equal(Rubric.Criteria.Select(c => c.Id), card.Criteria.Select(c => c.Id));
        Assert.All(card.Criteria, c =>
        {
            Assert.False(c.Passed);
            Assert.Equal(0, c.Points);
            Assert.Same(reason, Assert.Single(c.Evidence));
        });
        Assert.Equal([reason.Summary], card.LevelReasons);
    }
}
