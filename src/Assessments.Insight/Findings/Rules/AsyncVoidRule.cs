using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary><c>async void</c> methods and lambdas: fire and forget, with exceptions that end the process.</summary>
internal sealed class AsyncVoidRule : FindingRule
{
    private const string Why = "An async void method cannot be awaited and its exceptions are rethrown on the thread pool, where they crash the whole service; callers also cannot tell when it has finished. Return Task.";

    public override string Id => "async-void";

    public override string Title => "async void";

    public override string Competency => Competencies.Resilience;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var node in file.Root.DescendantNodes())
        {
            switch (node)
            {
                case MethodDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.AsyncKeyword) && m.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "void" }:
                    yield return Finding(file, m.Identifier, FindingSeverity.High, Why);
                    break;
                case LocalFunctionStatementSyntax l when l.Modifiers.Any(SyntaxKind.AsyncKeyword) && l.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "void" }:
                    yield return Finding(file, l.Identifier, FindingSeverity.High, Why);
                    break;
                case AnonymousFunctionExpressionSyntax a when a.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) && ReturnsVoid(file, a):
                    yield return Finding(file, a.AsyncKeyword, FindingSeverity.High, Why);
                    break;
            }
        }
    }

    /// <summary>Only the semantic model knows the delegate an async lambda becomes (Action rather than Func&lt;Task&gt;).</summary>
    private static bool ReturnsVoid(FileContext file, AnonymousFunctionExpressionSyntax lambda) =>
        file.Model?.GetTypeInfo(lambda, file.CancellationToken).ConvertedType is INamedTypeSymbol { DelegateInvokeMethod: { ReturnsVoid: true } };
}
