using System.Globalization;
using System.Net;
using Assessments.Domain.Reports;

namespace Assessments.Server.Pages;

/// <summary>
/// Encoding for every value a page writes. Submission-controlled text (names, logs, messages) is
/// stripped of ANSI and control characters first, then HTML-encoded; nothing is written raw except
/// markup these renderers build themselves.
/// </summary>
public static class Html
{
    /// <summary>Text for an element's content or a quoted attribute value.</summary>
    public static string E(string? text) => text is null ? string.Empty : WebUtility.HtmlEncode(LogText.Clean(text.Replace("\n", "\u2028")).Replace("\u2028", "\n"));

    /// <summary>A value for a URL path segment or query, then HTML-encoded for an attribute.</summary>
    public static string U(string text) => WebUtility.HtmlEncode(Uri.EscapeDataString(text));

    public static string When(DateTimeOffset at) =>
        $"<time datetime=\"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}</time>";

    public static string Selected(bool selected) => selected ? " selected" : string.Empty;
}
