using Assessments.Insight.Lexing;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Metrics;

/// <summary>A function found by <see cref="LexicalFunctions"/>: its name, line, and its body as a lexeme range (inclusive).</summary>
internal sealed record LexicalFunction(string Name, int Line, int BodyStart, int BodyEnd);

/// <summary>
/// Functions of a non-C# file found by lexical rules, with no parser behind them:
/// <list type="bullet">
/// <item>Python: every <c>def</c> (methods and nested functions too); the body is what is indented deeper than the <c>def</c>. Lambdas are expressions and do not count.</item>
/// <item>Go: every <c>func</c> whose signature is followed by a body <c>{</c>: declarations, methods and function literals (a handler passed inline counts, as C#'s endpoint lambdas do); a <c>func</c> type has no body and does not.</item>
/// <item>JavaScript/TypeScript: every <c>function</c>; arrow functions with a block body, or assigned to a name; class methods (<c>name(…) {</c>, which no call looks like).</item>
/// <item>Java: a name, its parameter list, an optional <c>throws</c> clause, then <c>{</c>, after a type or a modifier (so <c>new Foo() {</c> and calls are not methods); lambdas with a block body.</item>
/// </list>
/// Good enough to count and to rank by complexity; a construct the rules miss is simply not counted.
/// </summary>
internal static class LexicalFunctions
{
    /// <summary>
    /// How far past a parameter list the opening brace of a body may be (a return type, a throws
    /// clause): bounding it keeps a file of a thousand calls in a row from being read quadratically.
    /// </summary>
    private const int MaxSignatureTail = 64;

    public static List<LexicalFunction> In(List<Lexeme> code, string text, SourceLanguage language)
    {
        var walk = new LexemeWalk(code);
        return language switch
        {
            SourceLanguage.Python => Python(walk, text),
            SourceLanguage.Go => Go(walk),
            SourceLanguage.Java => Java(walk),
            _ => JavaScript(walk),
        };
    }

    private static List<LexicalFunction> Python(LexemeWalk walk, string text)
    {
        var code = walk.Code;
        var indents = text.Split('\n').Select(l => l.TakeWhile(char.IsWhiteSpace).Sum(c => c == '\t' ? 8 : 1)).ToArray();
        var found = new List<LexicalFunction>();
        for (var i = 0; i < code.Count; i++)
        {
            if (!code[i].Is("def"))
            {
                continue;
            }

            var open = i + 2 < code.Count && code[i + 2].Is("(") ? i + 2 : -1;
            var colon = open < 0 ? -1 : walk.Next(walk.Closing(open), ":", MaxSignatureTail);
            if (colon < 0)
            {
                continue;
            }

            var own = indents[code[i].Line - 1];
            var end = colon;
            for (var j = colon + 1; j < code.Count; j++)
            {
                if (code[j].Line != code[j - 1].Line && indents[code[j].Line - 1] <= own)
                {
                    break;
                }

                end = j;
            }

            found.Add(new LexicalFunction(NameAt(code, i + 1), code[i].Line, colon + 1, end));
        }

        return found;
    }

    private static List<LexicalFunction> Go(LexemeWalk walk)
    {
        var code = walk.Code;
        var found = new List<LexicalFunction>();
        for (var i = 0; i < code.Count; i++)
        {
            if (!code[i].Is("func") || i + 1 >= code.Count)
            {
                continue;
            }

            var name = "(func literal)";
            var parameters = i + 1;
            if (code[parameters].Is("("))
            {
                var close = walk.Closing(parameters);
                // A receiver, then the method's name: func (s *store) get(…)
                if (close + 2 < code.Count && code[close + 1].Kind == LexemeKind.Identifier && code[close + 2].Is("("))
                {
                    var receiver = code.Skip(parameters).Take(close - parameters).LastOrDefault(l => l.Kind == LexemeKind.Identifier);
                    name = $"{receiver.Text}.{code[close + 1].Text}";
                    parameters = close + 2;
                }
            }
            else if (code[parameters].Kind == LexemeKind.Identifier)
            {
                name = code[parameters].Text;
                parameters++;
                parameters = parameters < code.Count && code[parameters].Is("[") ? walk.Closing(parameters) + 1 : parameters;
            }

            if (parameters < code.Count && code[parameters].Is("(") && Body(walk, walk.Closing(parameters), stopAtLineEnd: true) is { } body)
            {
                found.Add(new LexicalFunction(name, code[i].Line, body + 1, walk.Closing(body) - 1));
            }
        }

        return found;
    }

    private static List<LexicalFunction> JavaScript(LexemeWalk walk)
    {
        var code = walk.Code;
        var found = new List<LexicalFunction>();
        for (var i = 0; i < code.Count; i++)
        {
            var previous = i > 0 ? code[i - 1] : default;
            if (code[i].Is("function"))
            {
                var open = walk.Next(i, "(", within: 3);
                if (open >= 0 && Body(walk, walk.Closing(open), stopAtLineEnd: false) is { } body)
                {
                    var name = code[i + 1].Kind == LexemeKind.Identifier ? code[i + 1].Text : AssignedName(code, i);
                    found.Add(new LexicalFunction(name, code[i].Line, body + 1, walk.Closing(body) - 1));
                }
            }
            else if (code[i].Is("=>") && i + 1 < code.Count)
            {
                var assigned = AssignedName(code, ArrowStart(walk, i));
                if (code[i + 1].Is("{"))
                {
                    found.Add(new LexicalFunction(assigned, code[i].Line, i + 2, walk.Closing(i + 1) - 1));
                }
                else if (assigned != "(arrow)")
                {
                    found.Add(new LexicalFunction(assigned, code[i].Line, i + 1, walk.LineEnd(i)));
                }
            }
            else if (IsMethodName(code, i) && !previous.Is("function") && !previous.Is("new") && !previous.Is("."))
            {
                var body = Body(walk, walk.Closing(i + 1), stopAtLineEnd: true);
                if (body is { } b)
                {
                    found.Add(new LexicalFunction(code[i].Text, code[i].Line, b + 1, walk.Closing(b) - 1));
                }
            }
        }

        return found;
    }

    private static List<LexicalFunction> Java(LexemeWalk walk)
    {
        var code = walk.Code;
        var found = new List<LexicalFunction>();
        for (var i = 1; i < code.Count; i++)
        {
            var previous = code[i - 1];
            var afterType = previous.Kind is LexemeKind.Identifier || previous.Is(">") || previous.Is("]")
                || previous.Kind == LexemeKind.Keyword && previous.Text is not ("new" or "return" or "throw" or "else" or "case");
            if (IsMethodName(code, i) && afterType && Body(walk, walk.Closing(i + 1), stopAtLineEnd: false) is { } body)
            {
                found.Add(new LexicalFunction(code[i].Text, code[i].Line, body + 1, walk.Closing(body) - 1));
            }
            else if (code[i].Is("->") && i + 1 < code.Count && code[i + 1].Is("{"))
            {
                found.Add(new LexicalFunction("(lambda)", code[i].Line, i + 2, walk.Closing(i + 1) - 1));
            }
        }

        return found;
    }

    private static bool IsMethodName(List<Lexeme> code, int i) =>
        code[i].Kind == LexemeKind.Identifier && i + 1 < code.Count && code[i + 1].Is("(");

    /// <summary>
    /// The <c>{</c> that opens a body after a signature's closing parenthesis, past a return type or a
    /// throws clause; null when a <c>;</c>, <c>=</c>, <c>,</c>, <c>=&gt;</c> or an unmatched <c>)</c> comes
    /// first (a declaration without body, a type, a call), or, for Go, the line ends.
    /// </summary>
    private static int? Body(LexemeWalk walk, int close, bool stopAtLineEnd)
    {
        var code = walk.Code;
        var depth = 0;
        for (var j = close + 1; j < Math.Min(code.Count, close + MaxSignatureTail); j++)
        {
            var l = code[j];
            if (stopAtLineEnd && depth == 0 && l.Line != code[close].Line && !l.Is("{"))
            {
                return null;
            }

            if (l.Is("(") || l.Is("["))
            {
                depth++;
            }
            else if (l.Is(")") || l.Is("]"))
            {
                if (--depth < 0)
                {
                    return null;
                }
            }
            else if (depth == 0 && l.Is("{"))
            {
                // Go's interface{} and struct{…} in a result type are types, not the body.
                if (j > 0 && (code[j - 1].Is("interface") || code[j - 1].Is("struct")))
                {
                    j = walk.Closing(j);
                    continue;
                }

                return j;
            }
            else if (depth == 0 && (l.Is(";") || l.Is("=") || l.Is(",") || l.Is("=>") || l.Is("}")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Where an arrow function begins: its parameter list, or its one parameter, and an <c>async</c> before them.</summary>
    private static int ArrowStart(LexemeWalk walk, int arrow)
    {
        var code = walk.Code;
        var start = arrow - 1;
        if (start >= 0 && code[start].Is(")"))
        {
            start = walk.Opening(start);
        }

        return start > 0 && code[start - 1].Is("async") ? start - 1 : Math.Max(start, 0);
    }

    /// <summary>The name in <c>const name = …</c> or <c>name: …</c> just before <paramref name="start"/>; "(arrow)" when there is none.</summary>
    private static string AssignedName(List<Lexeme> code, int start) =>
        start >= 2 && (code[start - 1].Is("=") || code[start - 1].Is(":")) && code[start - 2].Kind == LexemeKind.Identifier ? code[start - 2].Text : "(arrow)";

    private static string NameAt(List<Lexeme> code, int i) => i < code.Count && code[i].Kind == LexemeKind.Identifier ? code[i].Text : "(anonymous)";
}
