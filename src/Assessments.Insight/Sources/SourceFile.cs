namespace Assessments.Insight.Sources;

/// <summary>One text file of a submission, by its path inside the submission (forward slashes).</summary>
public sealed record SourceFile(string Path, string Text);
