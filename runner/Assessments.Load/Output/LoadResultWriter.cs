using System.Text.Json;

namespace Assessments.Load.Output;

/// <summary>Renders a result as versioned JSON, a Markdown summary, or an HTML fragment with inline-SVG charts.</summary>
public static class LoadResultWriter
{
    public static string ToJson(LoadResult result) => JsonSerializer.Serialize(result, LoadResultJson.Options);

    public static LoadResult? FromJson(string json) => JsonSerializer.Deserialize<LoadResult>(json, LoadResultJson.Options);

    public static string ToMarkdown(LoadResult result, LoadChartContext? context = null) => MarkdownSummary.Render(result, context);

    public static string ToHtmlFragment(LoadResult result, LoadChartContext? context = null) => HtmlFragment.Render(result, context);
}
