using System.Text;
using System.Text.RegularExpressions;

namespace Assessments.Submissions;

/// <summary>
/// The <c>.dockerignore</c> rules of a submission. The Docker CLI applies them when it sends a build
/// context; the runner talks to the engine's API directly, so it must apply them itself. Follows the
/// CLI's semantics: patterns are relative to the root, <c>**</c> spans folders, a later <c>!</c> rule
/// re-includes, and excluding a folder excludes everything under it.
/// </summary>
public sealed class DockerIgnore
{
    public const string FileName = ".dockerignore";

    private readonly List<(Regex Pattern, bool Exclude)> _rules;

    private DockerIgnore(List<(Regex, bool)> rules) => _rules = rules;

    public static DockerIgnore Empty { get; } = new([]);

    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = (exclude ? line : line[1..]).Trim().Replace('\\', '/').Trim('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }

            if (pattern.Length > 0)
            {
                rules.Add((new Regex(ToRegex(pattern), RegexOptions.CultureInvariant), exclude));
            }
        }

        return new DockerIgnore(rules);
    }

    public static DockerIgnore Load(string root)
    {
        var path = Path.Combine(root, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    /// <summary>
    /// Whether some rule re-includes (<c>!pattern</c>): then an excluded folder may still hold files
    /// that belong in the context, and must be walked into rather than skipped whole.
    /// </summary>
    public bool HasExceptions => _rules.Any(r => !r.Exclude);

    /// <summary>Whether a path (relative, forward slashes) is left out of the build context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            if (MatchesSelfOrParent(pattern, relativePath))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    private static bool MatchesSelfOrParent(Regex pattern, string path)
    {
        if (pattern.IsMatch(path))
        {
            return true;
        }

        for (var i = path.IndexOf('/'); i > 0; i = path.IndexOf('/', i + 1))
        {
            if (pattern.IsMatch(path[..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" matches everything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return sb.Append('$').ToString();
    }
}
