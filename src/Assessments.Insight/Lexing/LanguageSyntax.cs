using Assessments.Insight.Sources;

namespace Assessments.Insight.Lexing;

/// <summary>
/// What the lexer needs to know of a language: its keywords, how comments and strings start. Keyword
/// lists are arrays because a keyword's index is its token kind; TypeScript extends JavaScript's list
/// so the two share kinds (a copy from one to the other is still a copy).
/// </summary>
/// <param name="RawBackticks">Go's backtick strings know no escapes; JavaScript's templates do.</param>
internal sealed record LanguageSyntax(string[] Keywords, bool HashComments, bool TripleQuotes, bool BacktickStrings, bool DollarInNames, bool RawBackticks = false)
{
    private static readonly string[] JavaScriptKeywords =
    [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "export", "extends",
        "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new", "return", "super", "switch", "this", "throw",
        "try", "typeof", "var", "void", "while", "with", "yield", "async", "await", "of", "static", "null", "true", "false", "undefined",
    ];

    public static LanguageSyntax Python { get; } = new(
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ], HashComments: true, TripleQuotes: true, BacktickStrings: false, DollarInNames: false);

    // nil, true and false are predeclared names rather than keywords in Go, but nobody renames them.
    public static LanguageSyntax Go { get; } = new(
    [
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto", "if",
        "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var", "nil", "true", "false",
    ], HashComments: false, TripleQuotes: false, BacktickStrings: true, DollarInNames: false, RawBackticks: true);

    public static LanguageSyntax JavaScript { get; } = new(JavaScriptKeywords, HashComments: false, TripleQuotes: false, BacktickStrings: true, DollarInNames: true);

    public static LanguageSyntax TypeScript { get; } = new(
    [
        .. JavaScriptKeywords,
        "interface", "type", "enum", "implements", "private", "public", "protected", "readonly", "abstract", "as", "declare", "namespace",
    ], HashComments: false, TripleQuotes: false, BacktickStrings: true, DollarInNames: true);

    public static LanguageSyntax Java { get; } = new(
    [
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do",
        "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof",
        "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
        "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
        "true", "false", "null", "var", "record", "yield",
    ], HashComments: false, TripleQuotes: true, BacktickStrings: false, DollarInNames: true);

    public static LanguageSyntax For(SourceLanguage language) => language switch
    {
        SourceLanguage.Python => Python,
        SourceLanguage.Go => Go,
        SourceLanguage.JavaScript => JavaScript,
        SourceLanguage.TypeScript => TypeScript,
        SourceLanguage.Java => Java,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "C# is read by Roslyn, not the neutral lexer"),
    };

    private readonly Dictionary<string, int> _keywordIndex = Keywords.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

    /// <summary>The keyword's place in <see cref="Keywords"/>, or -1 for any other word.</summary>
    public int KeywordIndex(string word) => _keywordIndex.GetValueOrDefault(word, -1);
}
