using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Assessments.Server.Pages;

/// <summary>
/// A challenge brief (Markdown) as HTML. Raw HTML in the Markdown is written as text and links keep
/// only web, mail and relative addresses, so a brief cannot bring scripts into the candidate's page.
/// </summary>
public static class MarkdownBrief
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsAllowed(link.Url))
            {
                link.Url = "#";
            }
        }

        // Headings shift down two levels: the brief sits in a section (h2) of a page with its own title (h1).
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 2);
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsAllowed(string? url) =>
        string.IsNullOrEmpty(url)
        || !Uri.TryCreate(url, UriKind.Absolute, out var absolute)
        || absolute.Scheme is "http" or "https" or "mailto";
}
