using Assessments.Server.Pages;

namespace Assessments.Web.Tests;

/// <summary>The dashboard's arithmetic (pure; no browser, no database).</summary>
public sealed class CalibrationStatisticsTests
{
    private static readonly string[] Levels = ["not-yet", "junior", "engineer-ii", "senior"];

    [Fact]
    public void Kappa_is_one_when_the_raters_always_agree_and_zero_when_they_agree_only_by_chance()
    {
        var agree = CalibrationStatistics.Matrix(Levels, [("junior", "junior"), ("senior", "senior"), ("not-yet", "not-yet")]);
        Assert.Equal(1.0, CalibrationStatistics.Kappa(agree)!.Value, 6);

        // Two raters who each say junior half the time, independently: observed agreement equals chance.
        var chance = CalibrationStatistics.Matrix(Levels, [("junior", "junior"), ("junior", "senior"), ("senior", "junior"), ("senior", "senior")]);
        Assert.Equal(0.0, CalibrationStatistics.Kappa(chance)!.Value, 6);
    }

    [Fact]
    public void Kappa_matches_a_worked_example()
    {
        // 50 pairs: 20 both junior, 15 both senior, 5 junior/senior, 10 senior/junior.
        // p_o = 0.7; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; kappa = 0.4.
        var pairs = Enumerable.Repeat(("junior", "junior"), 20)
            .Concat(Enumerable.Repeat(("senior", "senior"), 15))
            .Concat(Enumerable.Repeat(("junior", "senior"), 5))
            .Concat(Enumerable.Repeat(("senior", "junior"), 10));
        Assert.Equal(0.4, CalibrationStatistics.Kappa(CalibrationStatistics.Matrix(Levels, pairs))!.Value, 6);
    }

    [Fact]
    public void Kappa_is_undefined_without_pairs_and_unknown_levels_are_not_counted()
    {
        var matrix = CalibrationStatistics.Matrix(Levels, [("principal", "senior")]);
        Assert.Equal(0, matrix.Total);
        Assert.Null(CalibrationStatistics.Kappa(matrix));
    }

    [Fact]
    public void Scores_fall_into_ten_bins_with_100_in_the_last()
    {
        Assert.Equal([1, 0, 0, 0, 0, 2, 0, 0, 0, 2], CalibrationStatistics.Histogram([0, 50, 59, 90, 100]));
    }

    [Fact]
    public void Rubric_changes_name_added_removed_and_reweighted_criteria()
    {
        var before = new Dictionary<string, int> { ["health"] = 10, ["contract"] = 20, ["old"] = 5 };
        var after = new Dictionary<string, int> { ["health"] = 10, ["contract"] = 25, ["load"] = 15 };
        Assert.Equal(["contract: 20 → 25 points", "added load (15 points)", "removed old"], CalibrationStatistics.Changes(before, after));
    }

    [Fact]
    public void A_brief_cannot_bring_markup_or_script_links_into_the_page()
    {
        var html = MarkdownBrief.ToHtml("# Title\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) [docs](https://example.com/x)");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("<h3", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/x\"", html, StringComparison.Ordinal);
    }
}
