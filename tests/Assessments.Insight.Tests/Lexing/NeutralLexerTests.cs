using Assessments.Insight.Lexing;
using Assessments.Insight.Similarity;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Tests.Lexing;

public sealed class NeutralLexerTests
{
    [Fact]
    public void Python_comments_go_docstrings_are_strings_and_every_token_knows_its_line()
    {
        var lexemes = NeutralLexer.Lex("def f(x):  # why\n    \"\"\"Doc\n    more.\"\"\"\n    return x // 2 + 0x1F\n", SourceLanguage.Python);

        Assert.Equal(
            ["def", "f", "(", "x", ")", ":", "# why", "\"\"\"Doc\n    more.\"\"\"", "return", "x", "//", "2", "+", "0x1F"],
            lexemes.Select(l => l.Text));
        Assert.Equal(LexemeKind.Comment, lexemes[6].Kind);
        Assert.Equal(LexemeKind.String, lexemes[7].Kind);
        Assert.Equal(4, lexemes[8].Line);
        Assert.Equal(LexemeKind.Number, lexemes[^1].Kind);
    }

    [Fact]
    public void C_family_comments_raw_strings_and_go_operators_are_read_whole()
    {
        var lexemes = NeutralLexer.Lex("/* a\nb */ x := <-ch // c\ny := `raw\\` + \"s\\\"q\" &^ 1.5e-3", SourceLanguage.Go);

        Assert.Equal(["/* a\nb */", "x", ":=", "<-", "ch", "// c", "y", ":=", "`raw\\`", "+", "\"s\\\"q\"", "&^", "1.5e-3"], lexemes.Select(l => l.Text));
        Assert.Equal(2, lexemes[1].Line);
        Assert.Equal(3, lexemes[6].Line);
    }

    [Fact]
    public void Python_string_prefixes_belong_to_the_string()
    {
        var lexemes = NeutralLexer.Lex("print(f'{x}', rb\"raw\", fr'''t''')", SourceLanguage.Python);

        Assert.Equal(3, lexemes.Count(l => l.Kind == LexemeKind.String));
        Assert.Equal(["print"], lexemes.Where(l => l.Kind == LexemeKind.Identifier).Select(l => l.Text));
    }

    [Fact]
    public void Names_literals_layout_comments_and_imports_do_not_change_the_stream()
    {
        var first = TokenStream.Of([new SourceFile("a.py", "import os\nfrom x import (a,\n  b)\n\ndef total(items):\n    return sum(i * 2 for i in items)  # sum\n")]);
        var second = TokenStream.Of([new SourceFile("b.py", "import sys\n# another comment\ndef add_up(values):\n  return sum(v * 7 for v in values)\n")]);

        Assert.Equal(first.Kinds, second.Kinds);
        Assert.True(first.Kinds.All(k => k >= NeutralTokens.FirstKind));
    }

    [Fact]
    public void Keywords_stay_apart_from_names_and_javascript_and_typescript_share_kinds()
    {
        var python = TokenStream.Of([new SourceFile("a.py", "while x: pass")]);
        var renamed = TokenStream.Of([new SourceFile("a.py", "if x: pass")]);
        var javascript = TokenStream.Of([new SourceFile("a.js", "const f = (a) => { return a + 1; };")]);
        var typescript = TokenStream.Of([new SourceFile("a.ts", "const f = (a) => { return a + 1; };")]);

        Assert.NotEqual(python.Kinds, renamed.Kinds);
        Assert.Equal(javascript.Kinds, typescript.Kinds);
    }
}
