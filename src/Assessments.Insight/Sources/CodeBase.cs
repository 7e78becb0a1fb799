using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Assessments.Insight.Sources;

/// <summary>
/// The submission's C# parsed, and when framework references are at hand, bound into one compilation
/// (with the SDK's implicit usings) so rules can ask what a name really is. Binding is never executing:
/// nothing here builds, loads or runs the submission.
/// </summary>
public sealed class CodeBase
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private readonly CSharpCompilation? _compilation;
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];

    private CodeBase(IReadOnlyList<(SourceFile File, SyntaxTree Tree)> files, CSharpCompilation? compilation)
    {
        Files = files;
        _compilation = compilation;
    }

    public IReadOnlyList<(SourceFile File, SyntaxTree Tree)> Files { get; }

    public bool IsBound => _compilation is not null;

    public static CodeBase Parse(IReadOnlyList<SourceFile> files, bool bind, CancellationToken cancellationToken)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var parsed = files
            .Select(f => (f, CSharpSyntaxTree.ParseText(f.Text, options, path: f.Path, cancellationToken: cancellationToken)))
            .ToList();
        var references = bind && parsed.All(p => !TooDeep(p.Item2.GetRoot(cancellationToken))) ? ReferenceAssemblies.Framework : [];
        if (references.Count == 0)
        {
            return new CodeBase(parsed, null);
        }

        var compilation = CSharpCompilation.Create(
            "submission",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options, cancellationToken: cancellationToken), .. parsed.Select(p => p.Item2)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        return new CodeBase(parsed, compilation);
    }

    /// <summary>
    /// Code nested deeper than any person writes (thousands of parentheses) would overflow the binder's
    /// stack, which no catch survives: such a submission is read by syntax only.
    /// </summary>
    public const int MaxBindableDepth = 250;

    private static bool TooDeep(SyntaxNode root)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>([(root, 0)]);
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxBindableDepth)
            {
                return true;
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push((child, depth + 1));
            }
        }

        return false;
    }

    public SemanticModel? ModelFor(SyntaxTree tree)
    {
        if (_compilation is null)
        {
            return null;
        }

        lock (_models)
        {
            if (!_models.TryGetValue(tree, out var model))
            {
                _models[tree] = model = _compilation.GetSemanticModel(tree, ignoreAccessibility: true);
            }

            return model;
        }
    }
}
