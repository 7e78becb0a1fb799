namespace Assessments.Insight.Lexing;

public enum LexemeKind
{
    Identifier,
    Keyword,
    String,
    Number,
    Operator,
    Comment,
}

/// <summary>One token of a non-C# source as written: its kind, text, 1-based line and offset in the file.</summary>
public readonly record struct Lexeme(LexemeKind Kind, string Text, int Line, int Start)
{
    public int End => Start + Text.Length;

    public bool Is(string text) => Kind is LexemeKind.Keyword or LexemeKind.Operator && Text == text;
}
