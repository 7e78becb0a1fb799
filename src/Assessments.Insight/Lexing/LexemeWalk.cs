namespace Assessments.Insight.Lexing;

/// <summary>
/// Walking a file's lexemes: brackets matched, a keyword found, a line's end. Brackets and line ends
/// are found once, up front, so that asking for them is a lookup: code built of thousands of nested
/// calls on one line must not make the function finder quadratic.
/// </summary>
internal sealed class LexemeWalk
{
    private readonly int[] _partner;
    private readonly int[] _opener;
    private readonly int[] _lineEnd;

    public LexemeWalk(List<Lexeme> code)
    {
        Code = code;
        _partner = new int[code.Count];
        _opener = new int[code.Count];
        Array.Fill(_partner, code.Count - 1);
        Array.Fill(_opener, -1);
        _lineEnd = new int[code.Count];
        for (var i = code.Count - 1; i >= 0; i--)
        {
            _lineEnd[i] = i + 1 < code.Count && code[i + 1].Line == code[i].Line ? _lineEnd[i + 1] : i;
        }

        var open = new Stack<int>();
        for (var i = 0; i < code.Count; i++)
        {
            if (code[i].Is("(") || code[i].Is("[") || code[i].Is("{"))
            {
                open.Push(i);
            }
            else if ((code[i].Is(")") || code[i].Is("]") || code[i].Is("}")) && open.Count > 0)
            {
                _opener[i] = open.Pop();
                _partner[_opener[i]] = i;
            }
        }
    }

    public List<Lexeme> Code { get; }

    /// <summary>The lexeme that closes the bracket opened at <paramref name="open"/>; the last one when it is never closed.</summary>
    public int Closing(int open) => _partner[open];

    /// <summary>The lexeme that opens the bracket closed at <paramref name="close"/>; -1 when none does.</summary>
    public int Opening(int close) => _opener[close];

    /// <summary>The first of the <paramref name="within"/> lexemes from <paramref name="from"/> on that is the keyword or operator <paramref name="text"/>, or -1.</summary>
    public int Next(int from, string text, int within)
    {
        for (var j = from; j < Math.Min(Code.Count, from + within); j++)
        {
            if (Code[j].Is(text))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The last lexeme on the line of lexeme <paramref name="i"/>.</summary>
    public int LineEnd(int i) => _lineEnd[i];
}
