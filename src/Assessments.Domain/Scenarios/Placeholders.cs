using System.Text.RegularExpressions;

namespace Assessments.Domain.Scenarios;

/// <summary>Fills <c>{{name}}</c> placeholders from the values a scenario has captured so far.</summary>
public static partial class Placeholders
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_.-]*)\s*\}\}")]
    private static partial Regex Pattern();

    public static IEnumerable<string> NamesIn(string? template) =>
        template is null ? [] : Pattern().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Renders the template; unknown names are left as they are so the evidence shows what was missing.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
