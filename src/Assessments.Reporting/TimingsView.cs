using System.Net;
using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>
/// Where a grading's time went, for both human reports: the phases, then each scenario with its
/// slowest steps, kept to one small table so that the time the checks take is visible at a glance.
/// </summary>
internal static class TimingsView
{
    private const int SlowestStepsShown = 3;

    public static void Markdown(StringBuilder md, GradingReport r)
    {
        md.AppendLine("## Where the time went").AppendLine();
        md.AppendLine(Summary(r)).AppendLine();
        if (r.Timings.Scenarios.Count == 0)
        {
            return;
        }

        md.AppendLine("| Scenario | Time | Slowest steps |").AppendLine("|---|---:|---|");
        foreach (var s in r.Timings.Scenarios)
        {
            md.AppendLine($"| `{Cell(s.Id)}` | {Seconds(s.Ms)} | {Cell(SlowestSteps(s))} |");
        }

        md.AppendLine();
    }

    public static void Html(StringBuilder h, GradingReport r)
    {
        h.Append("<h2>Where the time went</h2>");
        h.Append($"<p class=\"muted\">{E(Summary(r))}</p>");
        if (r.Timings.Scenarios.Count == 0)
        {
            return;
        }

        h.Append("<table class=\"timings\"><tr><th>Scenario</th><th>Time</th><th>Slowest steps</th></tr>");
        foreach (var s in r.Timings.Scenarios)
        {
            h.Append($"<tr><td><code>{E(s.Id)}</code></td><td style=\"white-space:nowrap\">{E(Seconds(s.Ms))}</td><td class=\"muted\">{E(SlowestSteps(s))}</td></tr>");
        }

        h.Append("</table>");
    }

    /// <summary>Total, every phase, and the waits that are not the submission's (a slot, the reference's baseline).</summary>
    internal static string Summary(GradingReport r)
    {
        var parts = r.Timings.PhasesMs.Select(p => $"{p.Key} {Seconds(p.Value)}").ToList();
        var text = $"{Seconds(r.Timings.TotalMs)} in all: {string.Join(", ", parts)}";
        if (r.Timings.BaselineMs is { } baseline)
        {
            text += $"; the load phase includes {Seconds(baseline)} measuring the reference";
        }

        if (r.Timings.SlotWaitMs is { } wait && wait >= 1000)
        {
            text += $"; waited {Seconds(wait)} for a free grading slot first";
        }

        if (r.Environment.Slot is { } slot)
        {
            text += $"; graded in slot {slot.Index + 1} of {slot.Count} (service on CPU {slot.ServiceCpus}, load generator on {slot.GeneratorCpus}, upstream stub on {slot.UpstreamCpus})";
        }

        if (r.Environment.ImageReused == true)
        {
            text += "; the image of this very submission was reused";
        }

        return text + ".";
    }

    internal static string SlowestSteps(ScenarioTiming s) => string.Join(", ", s.Steps
        .OrderByDescending(t => t.Ms)
        .Take(SlowestStepsShown)
        .Select(t => $"step {t.Step} ({t.Kind}{(t.Attempts > 1 ? $", {t.Attempts} tries" : string.Empty)}) {Seconds(t.Ms)}"));

    private static string Seconds(double ms) => ms >= 10_000 ? $"{ms / 1000:0} s" : $"{ms / 1000:0.0#} s";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
