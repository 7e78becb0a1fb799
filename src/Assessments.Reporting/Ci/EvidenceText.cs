using System.Text;
using System.Xml;
using Assessments.Domain.Reports;

namespace Assessments.Reporting.Ci;

/// <summary>
/// Evidence as plain text for a CI log: the summary, the curl that reproduces an exchange, the response
/// status and an excerpt of its body, log lines. Container output is cleaned (ANSI, control
/// characters) and anything XML cannot carry is dropped, so the text is safe in either format.
/// </summary>
internal static class EvidenceText
{
    private const int BodyExcerpt = 600;
    private const int LogLines = 30;

    public static string Of(IEnumerable<Evidence> evidence)
    {
        var text = new StringBuilder();
        foreach (var e in evidence)
        {
            text.Append("- ").AppendLine(Clean(e.Summary));
            if (e.Exchange is { } x)
            {
                text.Append("  $ ").AppendLine(Clean(x.Curl));
                if (x.Response is { } response)
                {
                    var body = Clean((response.Body ?? string.Empty).ReplaceLineEndings(" "));
                    text.Append("  → ").Append(response.Status)
                        .Append(body.Length == 0 ? string.Empty : " " + (body.Length > BodyExcerpt ? body[..BodyExcerpt] + "…" : body))
                        .AppendLine();
                }
                else if (x.Error is { } error)
                {
                    text.Append("  → no response: ").AppendLine(Clean(error));
                }
            }

            if (e.Value is { } value)
            {
                text.Append("  = ").Append(value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(e.Unit);
            }

            foreach (var line in e.Lines?.TakeLast(LogLines) ?? [])
            {
                text.Append("  | ").AppendLine(Clean(line));
            }
        }

        return text.ToString();
    }

    /// <summary>One line of attacker-controlled text, fit for XML and JSON.</summary>
    public static string Clean(string text) => XmlSafe(LogText.Clean(text));

    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
        }

        return safe.ToString();
    }
}
