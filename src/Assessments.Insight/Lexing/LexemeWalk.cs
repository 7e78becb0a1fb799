namespace Assessments.Insight.Lexing;

/// <summary>Walking a file's lexemes: brackets matched, a keyword found, a line's end.</summary>
internal static class LexemeWalk
{
    /// <summary>The lexeme that closes the bracket opened at <paramref name="open"/>, or the last one.</summary>
    public static int Closing(this List<Lexeme> code, int open)
    {
        var opener = code[open].Text;
        var closer = opener switch { "(" => ")", "[" => "]", _ => "}" };
        var depth = 0;
        for (var j = open; j < code.Count; j++)
        {
            depth += code[j].Is(opener) ? 1 : code[j].Is(closer) ? -1 : 0;
            if (depth == 0)
            {
                return j;
            }
        }

        return code.Count - 1;
    }

    /// <summary>The first lexeme from <paramref name="from"/> on that is the keyword or operator <paramref name="text"/>, or -1.</summary>
    public static int Next(this List<Lexeme> code, int from, string text)
    {
        for (var j = from; j < code.Count; j++)
        {
            if (code[j].Is(text))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The last lexeme on the line of lexeme <paramref name="i"/>.</summary>
    public static int LineEnd(this List<Lexeme> code, int i)
    {
        var j = i;
        while (j + 1 < code.Count && code[j + 1].Line == code[i].Line)
        {
            j++;
        }

        return j;
    }
}
