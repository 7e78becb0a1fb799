namespace Assessments.Insight.Sources;

/// <summary>One text file of a submission, by its path inside the submission (forward slashes).</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>
    /// By extension. A path with no extension insight knows is read as C#, as every file was before
    /// other languages were read: callers that build files by hand keep their meaning.
    /// </summary>
    public SourceLanguage Language => SourceLanguages.FromPath(Path) ?? SourceLanguage.CSharp;
}
