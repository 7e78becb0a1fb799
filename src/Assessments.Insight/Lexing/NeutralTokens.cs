using Assessments.Insight.Sources;

namespace Assessments.Insight.Lexing;

/// <summary>
/// Lexemes of a non-C# file as similarity compares them: one kind for every name, one per literal
/// kind, each keyword and operator its own kind; comments and imports gone.
/// </summary>
public static class NeutralTokens
{
    /// <summary>
    /// Roslyn's SyntaxKind is a ushort, so every kind from here is above any C# kind; each language
    /// family has its own thousand, so a Python token never equals a Go or C# one and no match crosses
    /// languages. JavaScript and TypeScript share one family: moving a copy between them hides nothing.
    /// </summary>
    public const int FirstKind = 100_000;

    private const int FamilyWidth = 1_000;
    private const int Identifier = 1;
    private const int StringLiteral = 2;
    private const int NumberLiteral = 3;
    private const int FirstOperator = 10;
    private const int FirstCharacter = 100;
    private const int OtherCharacter = 99;
    private const int FirstKeyword = 300;

    public static IEnumerable<(int Kind, int Line)> Of(IReadOnlyList<Lexeme> lexemes, SourceLanguage language)
    {
        var syntax = LanguageSyntax.For(language);
        var family = FirstKind + FamilyWidth * language switch
        {
            SourceLanguage.Python => 1,
            SourceLanguage.Go => 2,
            SourceLanguage.JavaScript or SourceLanguage.TypeScript => 3,
            _ => 4,
        };
        var code = lexemes.Where(l => l.Kind != LexemeKind.Comment).ToList();
        var walk = new LexemeWalk(code);
        for (var i = 0; i < code.Count; i++)
        {
            if (ImportEnd(walk, i, language) is { } end)
            {
                i = end;
                continue;
            }

            var lexeme = code[i];
            var local = lexeme.Kind switch
            {
                LexemeKind.Identifier => Identifier,
                LexemeKind.String => StringLiteral,
                LexemeKind.Number => NumberLiteral,
                LexemeKind.Keyword => FirstKeyword + syntax.KeywordIndex(lexeme.Text),
                _ when Array.IndexOf(NeutralLexer.Operators, lexeme.Text) is var op and >= 0 => FirstOperator + op,
                _ => lexeme.Text[0] < 128 ? FirstCharacter + lexeme.Text[0] : OtherCharacter,
            };
            yield return (family + local, lexeme.Line);
        }
    }

    /// <summary>
    /// The last lexeme of an import (or Go/Java package clause) starting at <paramref name="i"/>, or null.
    /// As with C#'s usings, what a file imports says nothing about how its code is written.
    /// </summary>
    private static int? ImportEnd(LexemeWalk walk, int i, SourceLanguage language)
    {
        var code = walk.Code;
        var first = i == 0 || code[i - 1].Line != code[i].Line;
        if (!first || code[i].Kind != LexemeKind.Keyword)
        {
            return null;
        }

        return (language, code[i].Text) switch
        {
            (SourceLanguage.Python, "import" or "from") => PythonImportEnd(code, i),
            (SourceLanguage.Go, "package") => Math.Min(i + 1, code.Count - 1),
            (SourceLanguage.Go, "import") => i + 1 < code.Count && code[i + 1].Is("(") ? walk.Closing(i + 1) : Until(code, i, l => l.Kind == LexemeKind.String),
            (SourceLanguage.Java, "package" or "import") => Until(code, i, l => l.Is(";")),
            (SourceLanguage.JavaScript or SourceLanguage.TypeScript, "import") when i + 1 < code.Count && !code[i + 1].Is("(") => JavaScriptImportEnd(code, i),
            _ => null,
        };
    }

    /// <summary>To the end of the line, or of the parentheses a long import list is wrapped in.</summary>
    private static int PythonImportEnd(List<Lexeme> code, int i)
    {
        var depth = 0;
        var j = i;
        while (j + 1 < code.Count && (code[j + 1].Line == code[i].Line || depth > 0))
        {
            j++;
            depth += code[j].Is("(") ? 1 : code[j].Is(")") ? -1 : 0;
        }

        return j;
    }

    /// <summary>Through the module's name (a string) and the semicolon after it, if any.</summary>
    private static int JavaScriptImportEnd(List<Lexeme> code, int i)
    {
        var end = Until(code, i, l => l.Kind == LexemeKind.String);
        return end + 1 < code.Count && code[end + 1].Is(";") ? end + 1 : end;
    }

    private static int Until(List<Lexeme> code, int i, Func<Lexeme, bool> last)
    {
        var j = i;
        while (j < code.Count - 1 && !last(code[j]))
        {
            j++;
        }

        return j;
    }
}
