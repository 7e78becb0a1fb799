using System.Text;
using Assessments.Insight.Lexing;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Similarity.Calibration;

/// <summary>
/// <see cref="Disguise"/>'s moves for the languages read by <see cref="NeutralLexer"/>, done on the
/// text with the lexer's help: rename declared names, insert dead code, move top-level declarations,
/// replace comments, re-indent. Written for Python and Go; JavaScript, TypeScript and Java get the
/// renaming, comments and layout. The result reads like code (disguised Python still parses), but
/// whether it still runs is not checked: a renamed field or a class moved below its first use may
/// break it. Only its tokens are tested, and those are what a copier's edits leave.
/// </summary>
internal static class LexicalDisguise
{
    public static string Apply(string source, SourceLanguage language, int seed, DisguiseMoves moves)
    {
        var random = new Random(seed);
        var text = source.Replace("\r\n", "\n");
        if (moves.HasFlag(DisguiseMoves.Rename))
        {
            text = Rename(text, language, seed);
        }

        if (moves.HasFlag(DisguiseMoves.DeadCode))
        {
            text = DeadCode(text, language, random);
        }

        if (moves.HasFlag(DisguiseMoves.Reorder))
        {
            text = Reorder(text, language, random);
        }

        if (moves.HasFlag(DisguiseMoves.Comments))
        {
            var count = 0;
            text = Replace(text, NeutralLexer.Lex(text, language).Where(l => l.Kind == LexemeKind.Comment)
                .Select(l => (l, language == SourceLanguage.Python ? $"# note {++count}" : l.Text.StartsWith("//", StringComparison.Ordinal) ? $"// note {++count}" : $"/* note {++count} */")));
        }

        return moves.HasFlag(DisguiseMoves.Format) ? Reformat(text, language) : text;
    }

    /// <summary>
    /// Names the code declares: after <c>def</c>, <c>class</c>, <c>func</c>, <c>type</c>, <c>var</c>,
    /// <c>const</c>, <c>let</c>; targets of <c>=</c> and <c>:=</c> that start a line; loop variables;
    /// parameters (a name right after <c>(</c> or <c>,</c> that is followed by a type or a default).
    /// Attribute names (after a dot) are left alone: they may belong to a library.
    /// </summary>
    private static string Rename(string text, SourceLanguage language, int seed)
    {
        var code = NeutralLexer.Lex(text, language).Where(l => l.Kind != LexemeKind.Comment).ToList();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < code.Count; i++)
        {
            if (code[i].Kind != LexemeKind.Identifier || i > 0 && code[i - 1].Is("."))
            {
                continue;
            }

            var before = i > 0 ? code[i - 1] : default;
            var after = i + 1 < code.Count ? code[i + 1] : default;
            var startsLine = i == 0 || code[i - 1].Line != code[i].Line;
            var declares = before.Kind == LexemeKind.Keyword && before.Text is "def" or "class" or "func" or "type" or "var" or "const" or "let" or "for" or "as" or "function"
                || startsLine && (after.Is("=") || after.Is(":=") || after.Is(",") && language == SourceLanguage.Go)
                || before.Is(",") && after.Is(":=")
                || (before.Is("(") || before.Is(",")) && (after.Kind == LexemeKind.Identifier || after.Is("*") || after.Is("[") || after.Is(":") && language == SourceLanguage.Python);
            // Framework hooks and Python's dunders keep their names: renaming them would change what runs.
            if (declares && code[i].Text is not ("self" or "cls" or "main" or "_") && !code[i].Text.StartsWith("__", StringComparison.Ordinal))
            {
                declared.Add(code[i].Text);
            }
        }

        return Replace(text, code.Where((l, i) => l.Kind == LexemeKind.Identifier && declared.Contains(l.Text) && (i == 0 || !code[i - 1].Is(".")))
            .Select(l => (l, $"v{(uint)HashCode.Combine(l.Text, seed):x}")));
    }

    /// <summary>
    /// An unused helper at the end of the file, and a guard that is never true at the top of some functions.
    /// Decorated Python functions (route handlers) get no guard, as C#'s endpoint lambdas get none.
    /// </summary>
    private static string DeadCode(string text, SourceLanguage language, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var line = lines[i].TrimEnd();
            var decorated = i > 0 && lines[i - 1].TrimStart().StartsWith('@');
            if (language == SourceLanguage.Python && line.TrimStart().StartsWith("def ", StringComparison.Ordinal) && line.EndsWith(':') && !decorated && i + 1 < lines.Count && random.Next(2) == 0)
            {
                var indent = new string(' ', Indent(lines.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0) ?? "    "));
                lines.Insert(i + 1, $"{indent}if len(\"probe\") < {random.Next(1, 5) - 5}:\n{indent}    print({random.Next(1000)})");
            }
            else if (language == SourceLanguage.Go && line.TrimStart().StartsWith("func ", StringComparison.Ordinal) && line.EndsWith('{') && random.Next(2) == 0)
            {
                lines.Insert(i + 1, $"\tif len(\"probe\") < {random.Next(1, 5) - 5} {{\n\t\tprintln({random.Next(1000)})\n\t}}");
            }
        }

        var factor = random.Next(2, 9);
        var helper = language == SourceLanguage.Python
            ? $"\n\ndef unused_{random.Next(1000)}(value):\n    total = 0\n    for i in range(value):\n        total += i * {factor}\n    return total\n"
            : $"\nfunc unused{random.Next(1000)}(value int) int {{\n\ttotal := 0\n\tfor i := 0; i < value; i++ {{\n\t\ttotal += i * {factor}\n\t}}\n\treturn total\n}}\n";
        return language is SourceLanguage.Python or SourceLanguage.Go ? string.Join('\n', lines) + helper : text;
    }

    /// <summary>
    /// Shuffles the top-level functions and types among their own places; everything else (imports,
    /// statements, Python's <c>if __name__</c>) stays where it was. A decorated Python function stays too:
    /// its decorator registers it (a route, in order), which makes it a statement like C#'s <c>app.MapGet</c>,
    /// and those the C# disguise never moves either.
    /// </summary>
    private static string Reorder(string text, SourceLanguage language, Random random)
    {
        var movable = language switch
        {
            SourceLanguage.Python => new[] { "def ", "async def ", "class " },
            SourceLanguage.Go => ["func ", "type "],
            _ => [],
        };
        if (movable.Length == 0)
        {
            return text;
        }

        // A chunk starts at a line that begins in column 0 outside any string; a decorator's chunk takes in what it decorates.
        var lexemes = NeutralLexer.Lex(text, language);
        var lines = text.Split('\n');
        var offsets = new int[lines.Length];
        for (var i = 1; i < lines.Length; i++)
        {
            offsets[i] = offsets[i - 1] + lines[i - 1].Length + 1;
        }

        var starts = Enumerable.Range(0, lines.Length)
            .Where(i => lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && lines[i][0] is not (')' or ']' or '}') && !lexemes.Any(l => l.Start < offsets[i] && l.End > offsets[i]))
            .Where((i, n) => n == 0 || !lines[PreviousStart(lines, i)].StartsWith('@'))
            .ToList();
        var chunks = starts.Select((s, n) => string.Join('\n', lines[s..(n + 1 < starts.Count ? starts[n + 1] : lines.Length)])).ToList();
        var slots = chunks.Select((c, n) => (c, n)).Where(p => movable.Any(m => p.c.StartsWith(m, StringComparison.Ordinal))).Select(p => p.n).ToList();
        var shuffled = slots.OrderBy(_ => random.Next()).Select(n => chunks[n]).ToList();
        for (var k = 0; k < slots.Count; k++)
        {
            chunks[slots[k]] = shuffled[k].TrimEnd('\n') + "\n";
        }

        var head = starts.Count == 0 ? lines : lines[..starts[0]];
        return string.Join('\n', head) + (starts.Count > 0 && starts[0] > 0 ? "\n" : string.Empty) + string.Join('\n', chunks);
    }

    private static int PreviousStart(string[] lines, int i)
    {
        var j = i - 1;
        while (j > 0 && (lines[j].Length == 0 || char.IsWhiteSpace(lines[j][0])))
        {
            j--;
        }

        return Math.Max(j, 0);
    }

    /// <summary>Python's indentation halved (4 spaces become 2: still consistent), tabs made spaces elsewhere, and blank lines after every block opener.</summary>
    private static string Reformat(string text, SourceLanguage language)
    {
        var output = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var body = line.TrimStart();
            var leading = line[..^body.Length];
            var width = language == SourceLanguage.Python ? Indent(line) / 2 : leading.Sum(c => c == '\t' ? 4 : 1);
            output.Append(' ', width).Append(body).Append('\n');
            if (body.EndsWith(language == SourceLanguage.Python ? ':' : '{'))
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>Columns of leading whitespace, a tab counting as 8.</summary>
    private static int Indent(string line) => line.TakeWhile(char.IsWhiteSpace).Sum(c => c == '\t' ? 8 : 1);

    private static string Replace(string text, IEnumerable<(Lexeme At, string With)> replacements)
    {
        var output = new StringBuilder(text);
        foreach (var (at, with) in replacements.OrderByDescending(r => r.At.Start))
        {
            output.Remove(at.Start, at.Text.Length).Insert(at.Start, with);
        }

        return output.ToString();
    }
}
