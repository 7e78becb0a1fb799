using System.Net;
using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>Submission-controlled text made safe: ANSI and control characters removed (line breaks kept), then encoded.</summary>
public static class ReportText
{
    public static string Html(string text) => WebUtility.HtmlEncode(LogText.Clean(text.Replace("\n", "\u2028")).Replace("\u2028", "\n"));

    /// <summary>For a Markdown table cell or inline text: no pipes or backticks that would break the layout.</summary>
    public static string Cell(string text) => LogText.Clean(text).Replace("|", "\\|").Replace("`", "ʼ");
}
