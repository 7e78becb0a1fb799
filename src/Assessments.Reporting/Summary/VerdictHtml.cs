using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting.Summary;

/// <summary>
/// The one-screen summary at the top of report.html: final level (and the rubric's when an interviewer
/// overrode it, with who and why), score, the gates that decided the level, the failed criteria one
/// line each, the key figures; passed criteria collapsed. No script: a details element folds.
/// </summary>
public static class VerdictHtml
{
    /// <param name="criterionLink">Where a criterion's details are: an anchor in the same report by default.</param>
    public static void Render(StringBuilder h, GradingReport r, Verdict v, Func<string, string>? criterionLink = null)
    {
        var link = criterionLink ?? (id => $"#c-{id}");
        h.Append("<section id=\"verdict\" class=\"verdict\" aria-labelledby=\"verdict-title\"><h2 id=\"verdict-title\" class=\"sr\">Verdict</h2>");
        h.Append($"<p class=\"levels\"><span class=\"label\">Final level</span> <span class=\"badge big\" id=\"final-level\" data-level=\"{E(v.FinalLevel)}\">{E(v.FinalLevel)}</span> ");
        h.Append($"<span class=\"score\"><strong>{v.Score}</strong>/100</span></p>");
        if (v.Override is { } o)
        {
            h.Append($"<p class=\"override\" id=\"override-note\">Set by <strong>{E(o.By)}</strong> over the rubric's <span class=\"badge\" id=\"rubric-level\">{E(v.RubricLevel)}</span>: “{E(o.Reason)}”</p>");
        }
        else if (r.Status == ReportStatus.Graded)
        {
            h.Append("<p class=\"muted\">The rubric's level; no interviewer has overridden it.</p>");
        }

        if (r.Status == ReportStatus.Graded)
        {
            Gates(h, v);
            Failed(h, v, link);
            Figures(h, v);
            if (v.Passed.Count > 0)
            {
                h.Append($"<details id=\"passed-criteria\"><summary><span class=\"pass\">✔ {v.Passed.Count} criteria passed</span></summary><ul class=\"oneline\">");
                foreach (var c in v.Passed)
                {
                    h.Append($"<li><a href=\"{E(link(c.Id))}\">{E(c.Title)}</a> <span class=\"muted\">{E(c.Competency)} · {c.Points}/{c.MaxPoints}</span></li>");
                }

                h.Append("</ul></details>");
            }
        }

        h.Append("</section>");
    }

    private static void Gates(StringBuilder h, Verdict v)
    {
        if (v.DecidingGates.Count == 0)
        {
            h.Append("<p id=\"gates\"><strong>Gates:</strong> every level's gate was met.</p>");
            return;
        }

        h.Append("<p id=\"gates\"><strong>Why not higher:</strong></p><ul class=\"gates\">");
        foreach (var gate in v.DecidingGates)
        {
            h.Append($"<li>{E(gate)}</li>");
        }

        h.Append("</ul>");
    }

    private static void Failed(StringBuilder h, Verdict v, Func<string, string> link)
    {
        if (v.Failed.Count == 0)
        {
            return;
        }

        h.Append($"<p><strong class=\"fail\">{v.Failed.Count} criteria failed</strong></p><ul class=\"oneline\" id=\"failed-criteria\">");
        foreach (var c in v.Failed)
        {
            h.Append($"<li><span class=\"fail\">✘</span> <a href=\"{E(link(c.Id))}\">{E(c.Title)}</a> <span class=\"muted\">{E(c.Competency)} · {c.Points}/{c.MaxPoints}</span><br><span class=\"reason\">{E(c.Reason)}</span></li>");
        }

        h.Append("</ul>");
    }

    private static void Figures(StringBuilder h, Verdict v)
    {
        if (v.Figures.Count == 0)
        {
            return;
        }

        h.Append("<table id=\"key-figures\" class=\"figures\"><caption>Key figures</caption><tbody>");
        foreach (var f in v.Figures)
        {
            var mark = f.Held switch { true => "<span class=\"pass\">✔</span> ", false => "<span class=\"fail\">✘</span> ", _ => string.Empty };
            h.Append($"<tr><th scope=\"row\">{E(f.Name)}</th><td>{mark}{E(f.Value)}</td></tr>");
        }

        h.Append("</tbody></table>");
    }

    private static string E(string text) => ReportText.Html(text);
}
