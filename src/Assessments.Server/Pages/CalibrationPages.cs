using System.Globalization;
using System.Text;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Npgsql;

namespace Assessments.Server.Pages;

/// <summary>
/// The hiring team's calibration dashboard per challenge: expected against given level for the
/// calibration set, rubric versions and what changed, score distributions per level, and how
/// interviewers' final levels agree with the rubric's (Cohen's kappa).
/// </summary>
public static class CalibrationPages
{
    public static RouteGroupBuilder MapCalibrationPages(this RouteGroupBuilder pages)
    {
        var calibration = pages.MapGroup("/calibration").RequireAuthorization(Policies.Staff);
        calibration.MapGet("/", Index);
        calibration.MapGet("/{challengeId}", DashboardAsync);
        return pages;
    }

    private static IResult Index(HttpContext http, ChallengeCatalog catalog)
    {
        var h = new StringBuilder("<h1>Calibration</h1><p>Pick a challenge to see how its rubric places the calibration set and how interviewers agree with it.</p><ul>");
        foreach (var challenge in catalog.All.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            h.Append($"<li><a href=\"/calibration/{Html.U(challenge.Id)}\">{Html.E(challenge.Title)}</a> <code>{Html.E(challenge.Id)}</code></li>");
        }

        return PageLayout.Page(http, "Calibration", h.Append("</ul>").ToString());
    }

    private static async Task<IResult> DashboardAsync(string challengeId, HttpContext http, ChallengeCatalog catalog, NpgsqlDataSource dataSource)
    {
        if (catalog.Find(challengeId) is not { } challenge)
        {
            return PageLayout.NotFound(http);
        }

        var graded = await CalibrationData.GradedAsync(dataSource, challengeId, http.RequestAborted);
        var versions = await CalibrationData.RubricVersionsAsync(dataSource, challengeId, http.RequestAborted);
        var h = new StringBuilder($"<h1>Calibration: {Html.E(challenge.Title)}</h1>");
        h.Append($"<p>Rubric in force: version <strong>{Html.E(challenge.Rubric.Version)}</strong>.</p>");
        h.Append($"<form data-json data-method=\"POST\" action=\"/api/challenges/{Html.U(challenge.Id)}/calibrations\" class=\"inline\" id=\"calibrate-form\">");
        h.Append("<button type=\"submit\">Grade the calibration set again</button><span class=\"error\" role=\"alert\" data-errors></span></form>");

        // Expected against given: the latest grading of each reference solution.
        var latest = graded.Where(g => g.Kind == "calibration" && g.Reference is not null && g.ExpectedLevel is not null)
            .GroupBy(g => g.Reference!).Select(g => g.Last()).ToList();
        var matrix = CalibrationStatistics.Matrix(Levels.All, latest.Select(g => (g.ExpectedLevel!, g.Level)));
        h.Append("<section aria-labelledby=\"matrix\"><h2 id=\"matrix\">Expected against given level</h2>");
        h.Append($"<p>The latest grading of each of {latest.Count} reference solutions: {matrix.Diagonal} placed at their expected level.</p>");
        h.Append(MatrixTable("confusion-matrix", "Calibration set: rows are the expected level, columns the level the rubric gave", "Expected", "Given", matrix));
        if (latest.Count > 0)
        {
            h.Append("<table><caption>Reference solutions</caption><thead><tr><th scope=\"col\">Reference</th><th scope=\"col\">Expected</th><th scope=\"col\">Given</th><th scope=\"col\">Score</th><th scope=\"col\">Rubric</th><th scope=\"col\">Graded</th></tr></thead><tbody>");
            foreach (var g in latest)
            {
                var mark = g.Level == g.ExpectedLevel ? "<span class=\"pass\">agrees</span>" : "<span class=\"fail\">differs</span>";
                h.Append($"<tr><td><a href=\"/review/submissions/{g.Id}\">{Html.E(g.Reference)}</a></td><td>{Html.E(g.ExpectedLevel)}</td><td>{Html.E(g.Level)} {mark}</td><td>{g.Score}</td><td>{Html.E(g.RubricVersion)}</td><td>{Html.When(g.GradedAt)}</td></tr>");
            }

            h.Append("</tbody></table>");
        }

        h.Append("</section>");
        h.Append(RubricVersions(versions));
        h.Append(Distributions(graded));
        h.Append(Agreement(graded));
        return PageLayout.Page(http, $"Calibration: {challenge.Title}", h.ToString());
    }

    private static string RubricVersions(IReadOnlyList<RubricVersionSeen> versions)
    {
        var h = new StringBuilder("<section aria-labelledby=\"versions\"><h2 id=\"versions\">Rubric versions</h2>");
        if (versions.Count == 0)
        {
            return h.Append("<p>No report graded yet.</p></section>").ToString();
        }

        h.Append("<table id=\"rubric-versions\"><caption>Versions that graded reports, oldest first, with the criteria changes against the version before</caption><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Reports</th><th scope=\"col\">First</th><th scope=\"col\">Last</th><th scope=\"col\">What changed</th></tr></thead><tbody>");
        RubricVersionSeen? previous = null;
        foreach (var v in versions)
        {
            var changes = previous is null ? ["first version seen"] : CalibrationStatistics.Changes(previous.CriterionPoints, v.CriterionPoints);
            var text = changes.Count == 0 ? "no criterion added, removed or re-weighted" : string.Join("; ", changes);
            h.Append($"<tr><td>{Html.E(v.Version)}</td><td>{v.Reports}</td><td>{Html.When(v.FirstSeen)}</td><td>{Html.When(v.LastSeen)}</td><td>{Html.E(text)}</td></tr>");
            previous = v;
        }

        return h.Append("</tbody></table></section>").ToString();
    }

    private static string Distributions(IReadOnlyList<GradedSubmission> graded)
    {
        var h = new StringBuilder("<section aria-labelledby=\"distributions\"><h2 id=\"distributions\">Score distributions per level</h2>");
        h.Append("<p>Every graded submission of this challenge (candidates and calibration set), by the level the rubric gave.</p><div class=\"charts\">");
        foreach (var level in Levels.All)
        {
            var scores = graded.Where(g => g.Status == "graded" && g.Level == level).Select(g => g.Score).Order().ToList();
            var summary = scores.Count == 0 ? "none" : $"{scores.Count} · median {scores[scores.Count / 2]} · {scores[0]}–{scores[^1]}";
            h.Append($"<figure><figcaption><strong>{Html.E(level)}</strong> <span class=\"muted\">{Html.E(summary)}</span></figcaption>");
            h.Append(SvgHistogram.Render($"Scores of {level} submissions", CalibrationStatistics.Histogram(scores))).Append("</figure>");
        }

        return h.Append("</div></section>").ToString();
    }

    private static string Agreement(IReadOnlyList<GradedSubmission> graded)
    {
        var reviewed = graded.Where(g => g.Kind == "candidate" && g.Reviewed).ToList();
        var matrix = CalibrationStatistics.Matrix(Levels.All, reviewed.Select(g => (g.Level, g.OverrideLevel ?? g.Level)));
        var kappa = CalibrationStatistics.Kappa(matrix);
        var h = new StringBuilder("<section aria-labelledby=\"agreement\"><h2 id=\"agreement\">Interviewers and the rubric</h2>");
        h.Append($"<p>Reviewed candidate submissions (an interviewer set a level or left a note): {reviewed.Count}; ");
        h.Append($"the final level equals the rubric's in {matrix.Diagonal}. ");
        h.Append("Cohen's kappa: <strong id=\"kappa\">");
        h.Append(kappa is { } k ? k.ToString("0.00", CultureInfo.InvariantCulture) : "n/a (nothing reviewed yet)");
        h.Append("</strong> <span class=\"muted\">(1 is full agreement, 0 no better than chance)</span></p>");
        h.Append(MatrixTable("agreement-matrix", "Reviewed submissions: rows are the rubric's level, columns the interviewers' final level", "Rubric", "Interviewer", matrix));
        return h.Append("</section>").ToString();
    }

    private static string MatrixTable(string id, string caption, string rows, string columns, LevelMatrix matrix)
    {
        var h = new StringBuilder($"<table id=\"{id}\" class=\"matrix\"><caption>{Html.E(caption)}</caption><thead><tr><th scope=\"col\">{rows} \\ {columns}</th>");
        foreach (var level in matrix.Levels)
        {
            h.Append($"<th scope=\"col\">{Html.E(level)}</th>");
        }

        h.Append("</tr></thead><tbody>");
        for (var i = 0; i < matrix.Levels.Count; i++)
        {
            h.Append($"<tr><th scope=\"row\">{Html.E(matrix.Levels[i])}</th>");
            for (var j = 0; j < matrix.Levels.Count; j++)
            {
                var count = matrix.Counts[i, j];
                var css = count == 0 ? "zero" : i == j ? "hit" : "miss";
                h.Append($"<td class=\"{css}\">{count}</td>");
            }

            h.Append("</tr>");
        }

        return h.Append("</tbody></table>").ToString();
    }
}
