using Assessments.Domain.Reports;
using Assessments.Insight.Findings;
using Assessments.Insight.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Metrics;

/// <summary>
/// Size, methods, the complexity distribution and the submission's own tests, by syntax alone: C# by
/// Roslyn, the other languages by <see cref="LexicalMetrics"/>. A method is a function in languages without classes.
/// </summary>
internal static class MetricsCalculator
{
    private static readonly HashSet<string> TestAttributes = new(StringComparer.Ordinal) { "Fact", "Theory", "Test", "TestMethod", "TestCase", "DataTestMethod", "TestCaseSource" };
    private static readonly string[] TestPackages = ["xunit", "nunit", "MSTest", "Microsoft.NET.Test.Sdk", "TUnit"];

    public static CodeMetrics Of(CodeBase? csharp, IReadOnlyList<SourceFile> others, IReadOnlyList<SourceFile> projects, CancellationToken cancellationToken)
    {
        var tally = new MetricsTally { Files = (csharp?.Files.Count ?? 0) + others.Count };
        if (csharp is not null)
        {
            AddCSharp(tally, csharp, cancellationToken);
        }

        foreach (var file in others)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LexicalMetrics.AddTo(tally, file);
        }

        var testProjects = projects.Count(p => TestPackages.Any(t => p.Text.Contains($"\"{t}", StringComparison.OrdinalIgnoreCase)));
        return new CodeMetrics(tally.Files, tally.Lines, tally.CodeLines, tally.Types, tally.Units.Count, Distribution(tally.Units), new TestPresence(testProjects, tally.TestFiles, tally.TestMethods));
    }

    private static void AddCSharp(MetricsTally tally, CodeBase code, CancellationToken cancellationToken)
    {
        foreach (var (file, tree) in code.Files)
        {
            var root = tree.GetRoot(cancellationToken);
            var text = tree.GetText(cancellationToken);
            tally.Lines += text.Lines.Count;
            tally.CodeLines += root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).Select(t => text.Lines.GetLineFromPosition(t.SpanStart).LineNumber).Distinct().Count();
            tally.Types += root.DescendantNodes().Count(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);
            foreach (var unit in root.DescendantNodes().Where(IsUnit))
            {
                tally.Units.Add(new MethodComplexity(NameOf(unit), file.Path, tree.GetLineSpan(unit.Span, cancellationToken).StartLinePosition.Line + 1, Complexity.Of(unit, IsUnit)));
            }

            var tests = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Count(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => Syntax.TypeName(a.Name) is { } n && TestAttributes.Contains(n.EndsWith("Attribute", StringComparison.Ordinal) ? n[..^9] : n)));
            tally.TestMethods += tests;
            tally.TestFiles += tests > 0 ? 1 : 0;
        }
    }

    private static ComplexityDistribution Distribution(List<MethodComplexity> units)
    {
        var sorted = units.Select(u => u.Complexity).Order().ToList();
        int At(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var buckets = new Dictionary<string, int>
        {
            ["1-5"] = sorted.Count(c => c <= 5),
            ["6-10"] = sorted.Count(c => c is > 5 and <= 10),
            ["11-20"] = sorted.Count(c => c is > 10 and <= 20),
            ["21+"] = sorted.Count(c => c > 20),
        };
        var top = units.OrderByDescending(u => u.Complexity).ThenBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Line).Take(5).ToList();
        return new ComplexityDistribution(sorted.Count == 0 ? 0 : Math.Round(sorted.Average(), 2), At(0.5), At(0.9), sorted.Count == 0 ? 0 : sorted[^1], buckets, top);
    }

    /// <summary>What counts as a method: declared methods, constructors, local functions, accessors with bodies, and endpoint lambdas.</summary>
    private static bool IsUnit(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        LocalFunctionStatementSyntax => true,
        AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
        AnonymousFunctionExpressionSyntax lambda => CodeMap.IsHandlerLambda(lambda),
        _ => false,
    };

    private static string NameOf(SyntaxNode unit)
    {
        var type = unit.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;
        var name = unit switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            ConstructorDeclarationSyntax c => c.Identifier.ValueText + " (constructor)",
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            AccessorDeclarationSyntax a => $"{(a.Parent?.Parent as PropertyDeclarationSyntax)?.Identifier.ValueText} {a.Keyword.ValueText}",
            AnonymousFunctionExpressionSyntax l when l.Parent?.Parent?.Parent is InvocationExpressionSyntax i => $"{Syntax.CalledName(i)} {i.ArgumentList.Arguments.FirstOrDefault()?.ToString()}",
            _ => unit.Kind().ToString(),
        };
        return type is null ? name : $"{type}.{name}";
    }
}
