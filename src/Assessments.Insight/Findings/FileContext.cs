using Assessments.Insight.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings;

/// <summary>One file as a rule sees it: its tree, its semantic model when binding worked, and what the whole submission told us.</summary>
internal sealed class FileContext(SourceFile file, SyntaxTree tree, SemanticModel? model, CodeMap map, CancellationToken cancellationToken)
{
    public SourceFile File { get; } = file;

    public SyntaxTree Tree { get; } = tree;

    public CompilationUnitSyntax Root { get; } = tree.GetCompilationUnitRoot(cancellationToken);

    public SemanticModel? Model { get; } = model;

    public CodeMap Map { get; } = map;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public int Line(SyntaxNode node) => Tree.GetLineSpan(node.Span, CancellationToken).StartLinePosition.Line + 1;

    public int Line(SyntaxToken token) => Tree.GetLineSpan(token.Span, CancellationToken).StartLinePosition.Line + 1;

    /// <summary>The source line the finding points at, trimmed and capped: enough to recognise it in a report.</summary>
    public string Snippet(int line)
    {
        var lines = Tree.GetText(CancellationToken).Lines;
        var text = line >= 1 && line <= lines.Count ? lines[line - 1].ToString().Trim() : string.Empty;
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    /// <summary>The bound type's full name (<c>System.Threading.Tasks.Task`1</c>), or null when it is unknown.</summary>
    public string? TypeOf(ExpressionSyntax expression)
    {
        var type = Model?.GetTypeInfo(expression, CancellationToken).Type;
        return type is null or IErrorTypeSymbol ? null : MetadataName(type.OriginalDefinition);
    }

    public IMethodSymbol? MethodOf(InvocationExpressionSyntax invocation) =>
        Model?.GetSymbolInfo(invocation, CancellationToken).Symbol as IMethodSymbol;

    public static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}" : type.MetadataName;
}
