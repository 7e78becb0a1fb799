using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings;

/// <summary>
/// Facts about the whole submission that single-file rules need: which methods handle requests (and
/// what they call), which types live as singletons, whether the memory cache is bounded anywhere.
/// </summary>
internal sealed class CodeMap
{
    private static readonly HashSet<string> MapMethods = new(StringComparer.Ordinal) { "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback" };

    private CodeMap(HashSet<string> handlerMethods, HashSet<string> requestMethods, HashSet<string> singletons, bool cacheSizeLimited)
    {
        HandlerMethods = handlerMethods;
        RequestMethods = requestMethods;
        Singletons = singletons;
        CacheSizeLimited = cacheSizeLimited;
    }

    /// <summary>Methods passed by name to <c>MapGet</c> and friends.</summary>
    public HashSet<string> HandlerMethods { get; }

    /// <summary>Handlers and, two calls deep, what they call by name: where a request's time is spent.</summary>
    public HashSet<string> RequestMethods { get; }

    /// <summary>Types registered with <c>AddSingleton</c> or <c>AddHostedService</c>: shared by every request.</summary>
    public HashSet<string> Singletons { get; }

    public bool CacheSizeLimited { get; }

    public static CodeMap Of(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var roots = trees.Select(t => t.GetRoot(cancellationToken)).ToList();
        var handlers = new HashSet<string>(StringComparer.Ordinal);
        var singletons = new HashSet<string>(StringComparer.Ordinal);
        var sizeLimited = false;
        foreach (var root in roots)
        {
            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = Syntax.CalledName(invocation);
                if (name is not null && MapMethods.Contains(name))
                {
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax && HandlerName(argument.Expression) is { } handler)
                        {
                            handlers.Add(handler);
                        }
                    }
                }

                if (name is "AddSingleton" or "AddHostedService" or "TryAddSingleton" && invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic })
                {
                    singletons.Add(Syntax.TypeName(generic.TypeArgumentList.Arguments[^1]) ?? string.Empty);
                }
            }

            sizeLimited |= root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == "SizeLimit");
        }

        var request = new HashSet<string>(handlers, StringComparer.Ordinal);
        var bodies = roots.SelectMany(r => r.DescendantNodes()).Where(IsHandlerBody).ToList();
        for (var depth = 0; depth < 2; depth++)
        {
            var called = bodies.SelectMany(b => b.DescendantNodes().OfType<InvocationExpressionSyntax>()).Select(Syntax.CalledName).OfType<string>().ToList();
            request.UnionWith(called);
            bodies = roots.SelectMany(r => r.DescendantNodes().OfType<MethodDeclarationSyntax>()).Where(m => request.Contains(m.Identifier.ValueText)).Cast<SyntaxNode>().ToList();
        }

        return new CodeMap(handlers, request, singletons, sizeLimited);

        bool IsHandlerBody(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax lambda ? IsHandlerLambda(lambda) : node is MethodDeclarationSyntax m && (handlers.Contains(m.Identifier.ValueText) || IsControllerAction(m) || IsMiddleware(m));
    }

    /// <summary>A lambda given to <c>app.MapGet(…)</c> and friends, or to <c>app.Use(…)</c> as middleware.</summary>
    public static bool IsHandlerLambda(AnonymousFunctionExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
        && Syntax.CalledName(invocation) is { } name
        && (MapMethods.Contains(name) || name is "Use" or "Run" or "MapWhen");

    public static bool IsControllerAction(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.PublicKeyword) && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && method.Parent is ClassDeclarationSyntax type
        && (type.Identifier.ValueText.EndsWith("Controller", StringComparison.Ordinal)
            || type.AttributeLists.SelectMany(l => l.Attributes).Any(a => Syntax.TypeName(a.Name) is "ApiController" or "ApiControllerAttribute")
            || type.BaseList?.Types.Any(t => Syntax.TypeName(t.Type) is "ControllerBase" or "Controller") == true);

    public static bool IsMiddleware(MethodDeclarationSyntax method) =>
        method.Identifier.ValueText is "Invoke" or "InvokeAsync"
        && method.ParameterList.Parameters.Any(p => Syntax.TypeName(p.Type) == "HttpContext");

    /// <summary>Whether a node runs while a request waits for it.</summary>
    public bool OnRequestPath(SyntaxNode node) => node.AncestorsAndSelf().Any(a => a switch
    {
        AnonymousFunctionExpressionSyntax lambda => IsHandlerLambda(lambda),
        MethodDeclarationSyntax m => RequestMethods.Contains(m.Identifier.ValueText) || IsControllerAction(m) || IsMiddleware(m),
        LocalFunctionStatementSyntax l => RequestMethods.Contains(l.Identifier.ValueText),
        _ => false,
    });

    /// <summary>The endpoint handlers of a file: lambdas given to Map*, methods given by name, controller actions.</summary>
    public IEnumerable<SyntaxNode> Handlers(SyntaxNode root) => root.DescendantNodes().Where(n => n switch
    {
        AnonymousFunctionExpressionSyntax lambda => IsHandlerLambda(lambda) && lambda.Parent?.Parent?.Parent is InvocationExpressionSyntax i && Syntax.CalledName(i) is not ("Use" or "Run" or "MapWhen"),
        MethodDeclarationSyntax m => HandlerMethods.Contains(m.Identifier.ValueText) || IsControllerAction(m),
        LocalFunctionStatementSyntax l => HandlerMethods.Contains(l.Identifier.ValueText),
        _ => false,
    });

    private static string? HandlerName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        _ => null,
    };
}
