using Assessments.Insight.Sources;

namespace Assessments.Insight.Tests.Sources;

public sealed class SourceSetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"insight-sources-{Guid.NewGuid():n}");

    [Fact]
    public void Sources_of_every_language_are_read_with_their_language_and_other_peoples_code_is_not()
    {
        // given
        Write("Program.cs", "return;");
        Write("app/main.py", "print(1)");
        Write("cmd/server.go", "package main");
        Write("web/index.mjs", "export {}");
        Write("web/types.ts", "type A = string;");
        Write("src/Main.java", "class Main {}");
        Write("web/vendor.min.js", "var a=1");
        Write("vendor/github.com/lib/lib.go", "package lib");
        Write("node_modules/x/index.js", "module.exports = 1");
        Write(".venv/lib/site.py", "x = 1");
        Write("README.md", "# readme");

        // when
        var sources = SourceSet.Read(_folder, InsightLimits.Default);

        // then
        Assert.Equal(["Program.cs", "app/main.py", "cmd/server.go", "src/Main.java", "web/index.mjs", "web/types.ts"], sources.Code.Select(f => f.Path));
        Assert.Equal([SourceLanguage.CSharp, SourceLanguage.Python, SourceLanguage.Go, SourceLanguage.Java, SourceLanguage.JavaScript, SourceLanguage.TypeScript], sources.Code.Select(f => f.Language));
        Assert.Equal(["Program.cs"], sources.CSharp.Select(f => f.Path));
        Assert.Equal(["csharp", "python", "go", "javascript", "typescript", "java"], sources.Languages.Select(l => l.Id()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
