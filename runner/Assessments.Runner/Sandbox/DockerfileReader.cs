namespace Assessments.Runner.Sandbox;

/// <summary>One Dockerfile instruction: its keyword (upper case), its words, and the line it starts on.</summary>
internal sealed record DockerfileInstruction(string Keyword, IReadOnlyList<string> Arguments, int Line);

/// <summary>
/// Splits a Dockerfile into instructions the way the builder does: parser directives first, comments
/// dropped, lines joined at the escape character. Words are split on white space, which is all the
/// policy needs (it looks at image names, flags and sources, never at shell commands).
/// </summary>
internal static class DockerfileReader
{
    public static IEnumerable<DockerfileInstruction> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var escape = '\\';
        var index = 0;

        // Parser directives are only recognised at the very top, before any instruction or blank line.
        for (; index < lines.Length; index++)
        {
            var directive = lines[index].Trim();
            if (!directive.StartsWith('#') || !directive.Contains('=', StringComparison.Ordinal))
            {
                break;
            }

            var parts = directive[1..].Split('=', 2);
            var name = parts[0].Trim().ToLowerInvariant();
            if (name == "syntax")
            {
                yield return new DockerfileInstruction("#SYNTAX", [parts[1].Trim()], index + 1);
            }
            else if (name == "escape" && parts[1].Trim().Length == 1)
            {
                escape = parts[1].Trim()[0];
            }
            else if (name != "check")
            {
                break;
            }
        }

        var current = new List<string>();
        var start = 0;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (current.Count == 0 && (trimmed.Length == 0 || trimmed.StartsWith('#')))
            {
                continue;
            }

            if (current.Count == 0)
            {
                start = index + 1;
            }

            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            var continues = trimmed.EndsWith(escape);
            current.Add(continues ? trimmed[..^1] : trimmed);
            if (!continues)
            {
                var words = string.Join(' ', current).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                current.Clear();
                if (words.Length > 0)
                {
                    yield return new DockerfileInstruction(words[0].ToUpperInvariant(), words[1..], start);
                }
            }
        }
    }
}
