using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis;

namespace Assessments.Insight.Findings;

/// <summary>One backend smell: what it is called, which competency it feeds, and where it occurs in a file.</summary>
internal abstract class FindingRule
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>code-quality, security, performance or resilience.</summary>
    public abstract string Competency { get; }

    public abstract IEnumerable<CodeFinding> Inspect(FileContext file);

    protected CodeFinding Finding(FileContext file, SyntaxNode node, string severity, string why) => At(file, file.Line(node), severity, why);

    protected CodeFinding Finding(FileContext file, SyntaxToken token, string severity, string why) => At(file, file.Line(token), severity, why);

    protected CodeFinding At(FileContext file, int line, string severity, string why) =>
        new(Id, Title, severity, Competency, file.File.Path, line, file.Snippet(line), why);
}

/// <summary>The rubric competencies findings feed.</summary>
internal static class Competencies
{
    public const string CodeQuality = "code-quality";
    public const string Security = "security";
    public const string Performance = "performance";
    public const string Resilience = "resilience";
}
