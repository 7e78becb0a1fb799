using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings;

/// <summary>A collection every request can reach: a static field, a field of a singleton, or a top-level local captured by handlers.</summary>
internal sealed record SharedCollection(string Name, string Type, SyntaxToken Declaration, SyntaxNode Scope, bool ThreadSafe, bool TopLevelLocal);

/// <summary>Finds shared collections and how the code touches them.</summary>
internal static class SharedCollections
{
    private static readonly HashSet<string> Unsafe = new(StringComparer.Ordinal) { "List", "Dictionary", "HashSet", "Queue", "Stack", "SortedDictionary", "SortedList", "SortedSet", "LinkedList" };
    private static readonly HashSet<string> Safe = new(StringComparer.Ordinal) { "ConcurrentDictionary", "ConcurrentQueue", "ConcurrentBag", "ConcurrentStack" };

    public static readonly HashSet<string> Growing = new(StringComparer.Ordinal) { "Add", "TryAdd", "AddOrUpdate", "GetOrAdd", "Insert", "Enqueue", "Push", "AddRange", "InsertRange", "AddFirst", "AddLast", "UnionWith" };
    public static readonly HashSet<string> Shrinking = new(StringComparer.Ordinal) { "Remove", "TryRemove", "Clear", "RemoveAt", "RemoveAll", "RemoveWhere", "RemoveRange", "Dequeue", "TryDequeue", "Pop", "TryPop", "TrimExcess", "RemoveFirst", "RemoveLast", "ExceptWith", "TryTake" };
    private static readonly HashSet<string> LockLike = new(StringComparer.Ordinal) { "Wait", "WaitAsync", "Enter", "TryEnter", "EnterWriteLock", "EnterUpgradeableReadLock", "LockAsync", "AcquireAsync" };

    public static IEnumerable<SharedCollection> Of(FileContext file)
    {
        foreach (var field in file.Root.DescendantNodes().OfType<FieldDeclarationSyntax>())
        {
            var type = field.Parent as TypeDeclarationSyntax;
            var isStatic = field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword);
            var isSingleton = type is not null && file.Map.Singletons.Contains(type.Identifier.ValueText);
            if (type is null || !(isStatic || isSingleton))
            {
                continue;
            }

            foreach (var variable in field.Declaration.Variables)
            {
                if (Classify(field.Declaration.Type, variable.Initializer?.Value) is { } kind)
                {
                    yield return new SharedCollection(variable.Identifier.ValueText, kind.Name, variable.Identifier, type, kind.ThreadSafe, false);
                }
            }
        }

        foreach (var statement in file.Root.Members.OfType<GlobalStatementSyntax>())
        {
            if (statement.Statement is LocalDeclarationStatementSyntax local)
            {
                foreach (var variable in local.Declaration.Variables)
                {
                    if (Classify(local.Declaration.Type, variable.Initializer?.Value) is { } kind)
                    {
                        yield return new SharedCollection(variable.Identifier.ValueText, kind.Name, variable.Identifier, file.Root, kind.ThreadSafe, true);
                    }
                }
            }
        }
    }

    /// <summary>Every place the collection's name is used inside its scope (fields by name, locals inside lambdas).</summary>
    public static IEnumerable<IdentifierNameSyntax> Uses(SharedCollection collection) =>
        collection.Scope.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == collection.Name)
            .Where(i => !collection.TopLevelLocal || i.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    /// <summary>The method called on the collection (<c>Add</c>), or <c>[]=</c> for an indexer write.</summary>
    public static string? Operation(IdentifierNameSyntax use)
    {
        SyntaxNode node = use.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess ? thisAccess : use;
        return node.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax => access.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax access when access.Expression == node => access.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax element when element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element => "[]=",
            _ => null,
        };
    }

    /// <summary>Inside <c>lock</c>, a constructor, or a method that takes a semaphore or monitor.</summary>
    public static bool IsSynchronised(SyntaxNode node)
    {
        if (Syntax.IsLocked(node))
        {
            return true;
        }

        var function = Syntax.EnclosingFunction(node);
        return function is ConstructorDeclarationSyntax
            || (function is not null && function.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => Syntax.CalledName(i) is { } n && LockLike.Contains(n)));
    }

    private static (string Name, bool ThreadSafe)? Classify(TypeSyntax declared, ExpressionSyntax? initializer)
    {
        var name = Syntax.TypeName(declared);
        if (name is "var" or null && initializer is ObjectCreationExpressionSyntax creation)
        {
            name = Syntax.TypeName(creation.Type);
        }

        return name switch
        {
            not null when Unsafe.Contains(name) => (name, false),
            not null when Safe.Contains(name) => (name, true),
            _ => null,
        };
    }
}
