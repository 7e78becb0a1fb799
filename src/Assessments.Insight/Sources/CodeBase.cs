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
        var references = bind ? ReferenceAssemblies.Framework : [];
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
