using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting.Summary;

/// <summary>The one-screen summary at the top of report.md (the same facts as report.html's).</summary>
public static class VerdictMarkdown
{
    public static void Render(StringBuilder md, GradingReport r, Verdict v)
    {
        md.AppendLine($"**Final level: `{v.FinalLevel}`** · **Score: {v.Score}/100**").AppendLine();
        if (v.Override is { } o)
        {
            md.AppendLine($"> Set by {C(o.By)} over the rubric's `{v.RubricLevel}`: “{C(o.Reason)}”").AppendLine();
        }

        if (r.Status != ReportStatus.Graded)
        {
            return;
        }

        md.AppendLine(v.DecidingGates.Count == 0 ? "**Gates:** every level's gate was met." : "**Why not higher:**").AppendLine();
        foreach (var gate in v.DecidingGates)
        {
            md.AppendLine($"- {C(gate)}");
        }

        if (v.DecidingGates.Count > 0)
        {
            md.AppendLine();
        }

        if (v.Failed.Count > 0)
        {
            md.AppendLine($"**{v.Failed.Count} criteria failed:**").AppendLine();
            foreach (var c in v.Failed)
            {
                md.AppendLine($"- ❌ **{C(c.Title)}** ({C(c.Competency)}, {c.Points}/{c.MaxPoints}): {C(c.Reason)}");
            }

            md.AppendLine();
        }

        if (v.Figures.Count > 0)
        {
            md.AppendLine("| Key figure | Value |").AppendLine("|---|---|");
            foreach (var f in v.Figures)
            {
                var mark = f.Held switch { true => "✅ ", false => "❌ ", _ => string.Empty };
                md.AppendLine($"| {C(f.Name)} | {mark}{C(f.Value)} |");
            }

            md.AppendLine();
        }

        if (v.Passed.Count > 0)
        {
            md.AppendLine($"<details><summary>✅ {v.Passed.Count} criteria passed</summary>").AppendLine();
            foreach (var c in v.Passed)
            {
                md.AppendLine($"- {C(c.Title)} ({C(c.Competency)}, {c.Points}/{c.MaxPoints})");
            }

            md.AppendLine().AppendLine("</details>").AppendLine();
        }
    }

    private static string C(string text) => ReportText.Cell(text);
}
