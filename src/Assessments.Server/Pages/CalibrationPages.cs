using System.Globalization;
using System.Text;
using Assessments.Server.Auth;
using Assessments.Server.Calibration;
using Assessments.Server.Challenges;

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

    private static async Task<IResult> DashboardAsync(string challengeId, HttpContext http, ChallengeCatalog catalog, CalibrationStore store)
    {
        if (catalog.Find(challengeId) is not { } challenge)
        {
            return PageLayout.NotFound(http);
        }

        var graded = await store.GradedAsync(challengeId, http.RequestAborted);
        var versions = await store.RubricVersionsAsync(challengeId, http.RequestAborted);
        var h = new StringBuilder($"<h1>Calibration: {Html.E(challenge.Title)}</h1>");
        h.Append($"<p>Rubric in force: version <strong>{Html.E(challenge.Rubric.Version)}</strong>.</p>");
        h.Append($"<form data-json data-method=\"POST\" action=\"/api/challenges/{Html.U(challenge.Id)}/calibrations\" class=\"inline\" id=\"calibrate-form\">");
        h.Append("<button type=\"submit\" data-busy=\"Queuing the calibration set…\">Grade the calibration set again</button> <span class=\"progress\" role=\"status\" data-busy-status></span><span class=\"error\" role=\"alert\" data-errors></span></form>");

        var run = await store.LatestRunAsync(challengeId, http.RequestAborted);
        h.Append(CalibrationRunSection.Render(run, http.User.IsInRole(Assessments.Client.Roles.Admin)));
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

        h.Append("<div class=\"scroll\"><table id=\"rubric-versions\"><caption>Versions that graded reports, oldest first, with the criteria changes against the version before</caption><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Reports</th><th scope=\"col\">First</th><th scope=\"col\">Last</th><th scope=\"col\">What changed</th></tr></thead><tbody>");
        RubricVersionSeen? previous = null;
        foreach (var v in versions)
        {
            var changes = previous is null ? ["first version seen"] : CalibrationStatistics.Changes(previous.CriterionPoints, v.CriterionPoints);
            var text = changes.Count == 0 ? "no criterion added, removed or re-weighted" : string.Join("; ", changes);
            h.Append($"<tr><td>{Html.E(v.Version)}</td><td>{v.Reports}</td><td>{Html.When(v.FirstSeen)}</td><td>{Html.When(v.LastSeen)}</td><td>{Html.E(text)}</td></tr>");
            previous = v;
        }

        return h.Append("</tbody></table></div></section>").ToString();
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
        h.Append(kappa is { } k && reviewed.Count >= CalibrationStatistics.MinimumForKappa
            ? k.ToString("0.00", CultureInfo.InvariantCulture)
            : "not enough data");
        h.Append($"</strong> <span class=\"muted\" id=\"kappa-sample\">(n = {reviewed.Count}; shown from {CalibrationStatistics.MinimumForKappa} reviewed submissions, since a handful can land anywhere between −1 and 1 by chance; 1 is full agreement, 0 no better than chance)</span></p>");
        h.Append(MatrixTable("agreement-matrix", "Reviewed submissions: rows are the rubric's level, columns the interviewers' final level", "Rubric", "Interviewer", matrix));
        return h.Append("</section>").ToString();
    }

    public static string MatrixTable(string id, string caption, string rows, string columns, LevelMatrix matrix)
    {
        var h = new StringBuilder($"<div class=\"scroll\"><table id=\"{id}\" class=\"matrix\"><caption>{Html.E(caption)}</caption><thead><tr><th scope=\"col\">{rows} \\ {columns}</th>");
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

        return h.Append("</tbody></table></div>").ToString();
    }
}
