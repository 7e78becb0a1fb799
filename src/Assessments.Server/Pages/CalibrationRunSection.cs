using System.Text;
using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>
/// The latest calibration run on the dashboard: every reference with its state (queued, grading,
/// graded, given up with the reason and, for admins, a retry), progress while it runs, and expected
/// against given level over the graded ones only, said as such.
/// </summary>
public static class CalibrationRunSection
{
    public static string Render(CalibrationRunView? run, bool admin)
    {
        var h = new StringBuilder("<section aria-labelledby=\"matrix\"><h2 id=\"matrix\">Expected against given level</h2>");
        if (run is null)
        {
            h.Append("<p id=\"calibration-summary\">No calibration run yet: grade the calibration set to see where the rubric puts each reference solution.</p>");
            h.Append(CalibrationPages.MatrixTable("confusion-matrix", "Calibration set: rows are the expected level, columns the level the rubric gave", "Expected", "Given", CalibrationStatistics.Matrix(Levels.All, [])));
            return h.Append("</section>").ToString();
        }

        var graded = run.References.Where(r => r.State == SubmissionStates.Finished && r.ReportStatus == "graded" && r.Level is not null).ToList();
        var matrix = CalibrationStatistics.Matrix(Levels.All, graded.Select(r => (r.ExpectedLevel, r.Level!)));
        var progress = run.Finished ? string.Empty : $" data-poll-calibration=\"/api/calibrations/{run.RunId}\"";
        h.Append($"<p id=\"calibration-summary\"{progress}>The run of {Html.When(run.StartedAt)}: {run.References.Count} reference solutions; ");
        h.Append($"{run.Graded} graded{(run.Graded == 0 ? string.Empty : $", {matrix.Diagonal} of them at their expected level")}");
        var otherwise = run.References.Count(r => r.State == SubmissionStates.Finished && r.ReportStatus != "graded");
        if (otherwise > 0)
        {
            h.Append($", {otherwise} ended without a level (did not build or start)");
        }

        if (run.GivenUp > 0)
        {
            h.Append($"; <span class=\"state-given-up\">{run.GivenUp} given up by the platform</span>");
        }

        var waiting = run.References.Count - run.Graded - run.GivenUp;
        h.Append(waiting > 0 ? $"; <span class=\"progress\" data-progress>{waiting} still queued or grading</span>.</p>" : ".</p>");
        h.Append(CalibrationPages.MatrixTable("confusion-matrix", "Graded references of this run: rows are the expected level, columns the level the rubric gave", "Expected", "Given", matrix));

        h.Append("<div class=\"scroll\"><table id=\"references\" class=\"reflow\"><caption>Every reference solution of the run</caption><thead><tr><th scope=\"col\">Reference</th><th scope=\"col\">Expected</th><th scope=\"col\">State</th><th scope=\"col\">Given</th><th scope=\"col\">Score</th></tr></thead><tbody>");
        foreach (var r in run.References)
        {
            h.Append($"<tr data-state=\"{Html.E(r.State)}\"><td data-label=\"Reference\"><a href=\"/review/submissions/{r.SubmissionId}\">{Html.E(r.Reference)}</a></td><td data-label=\"Expected\">{Html.E(r.ExpectedLevel)}</td>");
            h.Append($"<td data-label=\"State\">{State(r, admin)}</td><td data-label=\"Given\">{Given(r)}</td><td data-label=\"Score\">{(r.Score is { } score ? score.ToString() : "—")}</td></tr>");
        }

        return h.Append("</tbody></table></div></section>").ToString();
    }

    private static string State(CalibrationReference r, bool admin)
    {
        var word = Html.E(CalibrationRunView.Word(r));
        if (r.State != SubmissionStates.Failed)
        {
            return word;
        }

        var h = new StringBuilder($"<span class=\"state-given-up\">{word}</span> after {r.Attempt} attempt(s): {Html.E(r.LastError ?? "no reason recorded")}");
        h.Append(admin
            ? $"<form data-json data-method=\"POST\" action=\"/api/admin/dead-letters/{r.JobId}/retry\" class=\"inline\"> <button type=\"submit\" data-busy=\"Queuing again…\">Retry</button><span class=\"error\" role=\"alert\" data-errors></span></form>"
            : " <span class=\"muted\">(an admin can retry it)</span>");
        return h.ToString();
    }

    private static string Given(CalibrationReference r)
    {
        if (r.Level is null)
        {
            return r.ReportStatus is { } status ? Html.E(status) : "—";
        }

        var mark = r.Level == r.ExpectedLevel ? "<span class=\"pass\">agrees</span>" : "<span class=\"fail\">differs</span>";
        return $"{Html.E(r.Level)} {mark}";
    }
}
