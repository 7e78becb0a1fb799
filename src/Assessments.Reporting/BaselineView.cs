using System.Globalization;
using System.Net;
using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>The reference's figures and how each relative threshold was derived, for report.md and report.html.</summary>
internal static partial class BaselineView
{
    [System.Text.RegularExpressions.GeneratedRegex("`([^`]*)`")]
    private static partial System.Text.RegularExpressions.Regex Backticks();

    public static string? Markdown(GradingReport report)
    {
        if (report.Load.Baseline is not { } b)
        {
            return null;
        }

        var md = new StringBuilder("## Baseline: the ").Append(b.Reference).AppendLine(" reference on this machine").AppendLine();
        foreach (var line in Lines(b))
        {
            md.AppendLine($"- {line}");
        }

        return md.AppendLine().ToString();
    }

    public static string? Html(GradingReport report)
    {
        if (report.Load.Baseline is not { } b)
        {
            return null;
        }

        var h = new StringBuilder($"<h2>Baseline: the {WebUtility.HtmlEncode(b.Reference)} reference on this machine</h2><ul>");
        foreach (var line in Lines(b))
        {
            // The Markdown lines quote expressions in backticks; here they become code elements.
            h.Append("<li>").Append(Backticks().Replace(WebUtility.HtmlEncode(line), "<code>$1</code>")).Append("</li>");
        }

        return h.Append("</ul>").ToString();
    }

    private static IEnumerable<string> Lines(BaselineSection b)
    {
        if (b.Figures is not { } f)
        {
            yield return $"not measured: {b.Problem}; every relative threshold failed closed";
            yield break;
        }

        var when = b.MeasuredNow ? "measured in this grading" : $"stored measurement, {Number(b.AgeHours ?? 0)} h old";
        yield return $"{when} at {f.MeasuredAt.ToString("u", CultureInfo.InvariantCulture)}: p50 {Number(f.P50)} ms, p90 {Number(f.P90)} ms, p99 {Number(f.P99)} ms, max {Number(f.Max)} ms, {Number(f.Rps)} req/s, {f.Errors} error(s) in {f.Requests} requests";
        foreach (var t in b.Thresholds)
        {
            yield return $"`{t.Written}` became `{t.Absolute}`: {t.Derivation}";
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
