using Assessments.Domain.Reports;
using Assessments.Insight.Lexing;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Metrics;

/// <summary>
/// What <see cref="MetricsCalculator"/> counts for C#, counted for the other languages from their
/// lexemes: lines, lines of code, types, functions (see <see cref="LexicalFunctions"/> for what counts),
/// each function's complexity and the tests the submission carries.
/// </summary>
internal static class LexicalMetrics
{
    /// <summary>
    /// Decision points, as McCabe counts them: branches, loops, caught exceptions, cases and
    /// short-circuits. A nested function's decisions also count for the function around it: the
    /// lexer knows no scopes, and that only matters for code that nests functions deeply.
    /// </summary>
    private static readonly HashSet<string> Decisions = new(StringComparer.Ordinal) { "if", "elif", "for", "while", "case", "catch", "except", "and", "or", "&&", "||", "??", "?" };

    public static void AddTo(MetricsTally tally, SourceFile file)
    {
        var lexemes = NeutralLexer.Lex(file.Text, file.Language);
        var code = lexemes.Where(l => l.Kind != LexemeKind.Comment).ToList();
        tally.Lines += file.Text.Count(c => c == '\n') + 1;
        tally.CodeLines += code.Select(l => l.Line).Distinct().Count();
        tally.Types += code.Where((l, i) => IsType(code, i, file.Language)).Count();

        // Decisions before each lexeme, so that a function's count is one subtraction however deeply functions nest.
        var before = new int[code.Count + 1];
        for (var i = 0; i < code.Count; i++)
        {
            before[i + 1] = before[i] + (code[i].Kind is LexemeKind.Keyword or LexemeKind.Operator && Decisions.Contains(code[i].Text) ? 1 : 0);
        }

        var tests = 0;
        foreach (var function in LexicalFunctions.In(code, file.Text, file.Language))
        {
            var decisions = function.BodyEnd < function.BodyStart ? 0 : before[function.BodyEnd + 1] - before[function.BodyStart];
            tally.Units.Add(new MethodComplexity(function.Name, file.Path, function.Line, 1 + decisions));
            tests += IsTest(function, file) ? 1 : 0;
        }

        // JavaScript's tests are calls (it("…", …), test("…", …)), not named functions; Java's carry @Test.
        tests += file.Language switch
        {
            SourceLanguage.JavaScript or SourceLanguage.TypeScript => code.Where((l, i) => l.Text is "it" or "test" && l.Kind == LexemeKind.Identifier && i + 2 < code.Count && code[i + 1].Is("(") && code[i + 2].Kind == LexemeKind.String).Count(),
            SourceLanguage.Java => code.Where((l, i) => l.Text == "Test" && i > 0 && code[i - 1].Is("@")).Count(),
            _ => 0,
        };
        tally.TestMethods += tests;
        tally.TestFiles += tests > 0 ? 1 : 0;
    }

    /// <summary>pytest's <c>test_…</c> functions; Go's <c>TestX</c> functions in a <c>_test.go</c> file.</summary>
    private static bool IsTest(LexicalFunction function, SourceFile file) => file.Language switch
    {
        SourceLanguage.Python => function.Name.StartsWith("test", StringComparison.Ordinal),
        SourceLanguage.Go => function.Name.StartsWith("Test", StringComparison.Ordinal) && file.Path.EndsWith("_test.go", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Classes (and Java's and TypeScript's interfaces, enums, records); Go's named types. Not Java's <c>Foo.class</c>.</summary>
    private static bool IsType(List<Lexeme> code, int i, SourceLanguage language)
    {
        var l = code[i];
        if (l.Kind != LexemeKind.Keyword || i > 0 && code[i - 1].Is(".") || i + 1 >= code.Count || code[i + 1].Kind != LexemeKind.Identifier)
        {
            return false;
        }

        return language switch
        {
            SourceLanguage.Go => l.Text == "type",
            SourceLanguage.Python => l.Text == "class",
            _ => l.Text is "class" or "interface" or "enum" or "record",
        };
    }
}
