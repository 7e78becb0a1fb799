namespace Assessments.Insight.Sources;

/// <summary>The languages code insight reads. Roslyn reads C#; the others go through <see cref="Lexing.NeutralLexer"/>.</summary>
public enum SourceLanguage
{
    CSharp,
    Python,
    Go,
    JavaScript,
    TypeScript,
    Java,
}

public static class SourceLanguages
{
    /// <summary>The language a file is written in, by its extension; null for a file code insight does not read.</summary>
    public static SourceLanguage? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".cs" => SourceLanguage.CSharp,
        ".py" => SourceLanguage.Python,
        ".go" => SourceLanguage.Go,
        ".js" or ".mjs" or ".cjs" => SourceLanguage.JavaScript,
        ".ts" => SourceLanguage.TypeScript,
        ".java" => SourceLanguage.Java,
        _ => null,
    };

    /// <summary>How report.json and the starter kits name a language (<c>?language=</c>).</summary>
    public static string Id(this SourceLanguage language) => language switch
    {
        SourceLanguage.CSharp => "csharp",
        SourceLanguage.Python => "python",
        SourceLanguage.Go => "go",
        SourceLanguage.JavaScript => "javascript",
        SourceLanguage.TypeScript => "typescript",
        SourceLanguage.Java => "java",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };
}
