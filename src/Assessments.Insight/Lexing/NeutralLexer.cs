using Assessments.Insight.Sources;

namespace Assessments.Insight.Lexing;

/// <summary>
/// A small lexer shared by the languages Roslyn does not read. It knows only what similarity and
/// metrics need: where comments, strings, numbers, names and operators begin and end. Layout is
/// skipped (Python's indentation included: a reformatted copy must lex the same), and it never
/// fails: text it cannot place becomes a one-character operator.
/// </summary>
public static class NeutralLexer
{
    /// <summary>Longest first, so that <c>&gt;&gt;&gt;=</c> is not read as <c>&gt;&gt;</c> then <c>&gt;=</c>.</summary>
    internal static readonly string[] Operators =
    [
        ">>>=", "...", "===", "!==", "<<=", ">>=", ">>>", "**=", "//=", "&^=", "??=", "&&=", "||=",
        ":=", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "<<", ">>", "**", "//", "&^", "::", "<-",
    ];

    private static readonly string[] PythonStringPrefixes = ["r", "u", "b", "f", "rb", "br", "fr", "rf"];

    public static List<Lexeme> Lex(string text, SourceLanguage language)
    {
        var syntax = LanguageSyntax.For(language);
        var lexemes = new List<Lexeme>();
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            var startLine = line;
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\\' && language == SourceLanguage.Python)
            {
                i++;
                continue;
            }

            if (syntax.HashComments ? c == '#' : c == '/' && At(text, i + 1) == '/')
            {
                i = text.IndexOf('\n', i) is var eol and >= 0 ? eol : text.Length;
                lexemes.Add(new Lexeme(LexemeKind.Comment, text[start..i], startLine, start));
                continue;
            }

            if (!syntax.HashComments && c == '/' && At(text, i + 1) == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
                line += Newlines(text, start, i);
                lexemes.Add(new Lexeme(LexemeKind.Comment, text[start..i], startLine, start));
                continue;
            }

            if (IsQuote(c, syntax))
            {
                i = StringEnd(text, i, syntax);
                line += Newlines(text, start, i);
                lexemes.Add(new Lexeme(LexemeKind.String, text[start..i], startLine, start));
                continue;
            }

            if (char.IsDigit(c) || c == '.' && char.IsDigit(At(text, i + 1)))
            {
                i = NumberEnd(text, i);
                lexemes.Add(new Lexeme(LexemeKind.Number, text[start..i], startLine, start));
                continue;
            }

            if (IsNameStart(c, syntax))
            {
                while (i < text.Length && IsNamePart(text[i], syntax))
                {
                    i++;
                }

                var word = text[start..i];
                // Python's r"…", f'…', b"""…""": the prefix belongs to the string.
                if (language == SourceLanguage.Python && i < text.Length && text[i] is '"' or '\'' && PythonStringPrefixes.Contains(word.ToLowerInvariant()))
                {
                    i = StringEnd(text, i, syntax);
                    line += Newlines(text, start, i);
                    lexemes.Add(new Lexeme(LexemeKind.String, text[start..i], startLine, start));
                    continue;
                }

                lexemes.Add(new Lexeme(syntax.KeywordIndex(word) >= 0 ? LexemeKind.Keyword : LexemeKind.Identifier, word, startLine, start));
                continue;
            }

            var op = Operator(text, i, language);
            i += op?.Length ?? 1;
            lexemes.Add(new Lexeme(LexemeKind.Operator, op ?? Single(c), startLine, start));
        }

        return lexemes;
    }

    private static readonly string[] Ascii = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    private static string Single(char c) => c < 128 ? Ascii[c] : c.ToString();

    private static string? Operator(string text, int i, SourceLanguage language)
    {
        foreach (var o in Operators)
        {
            if (o[0] == text[i] && string.CompareOrdinal(text, i, o, 0, o.Length) == 0 && Applies(o, language))
            {
                return o;
            }
        }

        return null;
    }

    /// <summary>Go's channel and bit-clear operators would misread <c>a&lt;-1</c> or <c>a&amp;^b</c> elsewhere.</summary>
    private static bool Applies(string op, SourceLanguage language) =>
        op is not ("<-" or "&^" or "&^=") || language == SourceLanguage.Go;

    private static bool IsQuote(char c, LanguageSyntax syntax) => c is '"' or '\'' || c == '`' && syntax.BacktickStrings;

    private static bool IsNameStart(char c, LanguageSyntax syntax) => char.IsLetter(c) || c == '_' || c == '$' && syntax.DollarInNames;

    private static bool IsNamePart(char c, LanguageSyntax syntax) => IsNameStart(c, syntax) || char.IsDigit(c);

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static int Newlines(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            count += text[i] == '\n' ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Past the closing quote. Triple quotes (Python, Java text blocks) and backticks (Go raw strings,
    /// JavaScript templates) may span lines; other strings stop at the end of the line if left open.
    /// A template's <c>${…}</c> is read as part of the string.
    /// </summary>
    private static int StringEnd(string text, int i, LanguageSyntax syntax)
    {
        var quote = text[i];
        var triple = syntax.TripleQuotes && quote != '`' && At(text, i + 1) == quote && At(text, i + 2) == quote;
        var j = i + (triple ? 3 : 1);
        while (j < text.Length)
        {
            var c = text[j];
            if (c == '\\' && !(quote == '`' && syntax.RawBackticks))
            {
                j += 2;
                continue;
            }

            if (triple ? c == quote && At(text, j + 1) == quote && At(text, j + 2) == quote : c == quote)
            {
                return j + (triple ? 3 : 1);
            }

            if (c == '\n' && !triple && quote != '`')
            {
                return j;
            }

            j++;
        }

        return text.Length;
    }

    /// <summary>Digits, radix prefixes, separators, a fraction, an exponent and a suffix (1_000, 0x1F, 2.5e-3, 10L, 3j, 9n).</summary>
    private static int NumberEnd(string text, int i)
    {
        var hex = text[i] == '0' && At(text, i + 1) is 'x' or 'X';
        var j = i;
        while (j < text.Length)
        {
            var c = text[j];
            if (char.IsLetterOrDigit(c) || c == '_' || c == '.' && char.IsDigit(At(text, j + 1)))
            {
                j++;
            }
            else if (c is '+' or '-' && !hex && At(text, j - 1) is 'e' or 'E')
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return Math.Max(j, i + 1);
    }
}
