using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Performance;

/// <summary>
/// A load path may rotate over n variants with one <c>{{i % n}}</c> placeholder, so load spreads over
/// many keys instead of hitting one (a cache that holds a single entry should not look perfect).
/// </summary>
public static partial class PathRotation
{
    public const int MaxVariants = 10_000;

    public static IReadOnlyList<string> Expand(string path)
    {
        var match = Placeholder().Match(path);
        if (!match.Success)
        {
            return [path];
        }

        var count = Count(match);
        return Enumerable.Range(0, count)
            .Select(i => path[..match.Index] + i.ToString(CultureInfo.InvariantCulture) + path[(match.Index + match.Length)..])
            .ToList();
    }

    /// <summary>Why the path cannot be used, or null when it can.</summary>
    public static string? Problem(string path)
    {
        var matches = Placeholder().Matches(path);
        if (matches.Count > 1)
        {
            return "at most one {{i % n}} placeholder";
        }

        var rest = matches.Count == 1 ? path.Remove(matches[0].Index, matches[0].Length) : path;
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
        {
            return "the only placeholder a load path may hold is {{i % n}}";
        }

        return matches.Count == 1 && Count(matches[0]) is < 1 or > MaxVariants ? $"n in {{{{i % n}}}} must be between 1 and {MaxVariants}" : null;
    }

    private static int Count(Match match) =>
        int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"\{\{\s*i\s*%\s*(?<n>\d+)\s*\}\}")]
    private static partial Regex Placeholder();
}
