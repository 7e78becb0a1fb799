using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings;

/// <summary>Small questions about syntax that several rules ask.</summary>
internal static class Syntax
{
    /// <summary>The simple name an invocation calls: <c>Add</c> for <c>_items.Add(x)</c>.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>What an invocation is called on: <c>_items</c> for <c>_items.Add(x)</c>.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax m ? m.Expression : null;

    /// <summary>The method, local function, lambda or accessor a node is in.</summary>
    public static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);

    public static bool IsAsync(SyntaxNode? function) => function switch
    {
        MethodDeclarationSyntax m => m.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax l => l.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax a => a.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    public static bool InAsyncCode(SyntaxNode node) => IsAsync(EnclosingFunction(node));

    /// <summary>The rightmost identifier of a type as written: <c>Dictionary</c> for <c>System.Collections.Generic.Dictionary&lt;K, V&gt;</c>.</summary>
    public static string? TypeName(TypeSyntax? type) => type switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        QualifiedNameSyntax q => TypeName(q.Right),
        AliasQualifiedNameSyntax a => TypeName(a.Name),
        NullableTypeSyntax n => TypeName(n.ElementType),
        _ => null,
    };

    public static bool IsLocked(SyntaxNode node) => node.Ancestors().Any(a => a is LockStatementSyntax);
}
