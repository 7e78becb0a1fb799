using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Assessments.Contract.Spec;

/// <summary>
/// A challenge's OpenAPI document, reduced to what the contract stage needs: its operations in a
/// stable order (so that generated requests depend on the seed only, never on dictionary order).
/// </summary>
public sealed class ContractDocument
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

    private ContractDocument(IReadOnlyList<ContractOperation> operations, IReadOnlyList<string> problems)
    {
        Operations = operations;
        Problems = problems;
    }

    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>What the OpenAPI reader found wrong with the document (empty when it is sound).</summary>
    public IReadOnlyList<string> Problems { get; }

    public IEnumerable<string> Paths => Operations.Select(o => o.PathTemplate).Distinct(StringComparer.Ordinal);

    public static ContractDocument Load(string path) => Parse(File.ReadAllText(path));

    public static ContractDocument Parse(string yaml)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        var result = OpenApiDocument.Parse(yaml, OpenApiConstants.Yaml, settings);
        var problems = result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? [];
        var document = result.Document;
        if (document?.Paths is null)
        {
            return new ContractDocument([], problems.Count > 0 ? problems : ["the document has no paths"]);
        }

        var operations = new List<ContractOperation>();
        foreach (var (template, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in (item.Operations ?? []).OrderBy(o => Array.IndexOf(MethodOrder, o.Key.Method)))
            {
                var parameters = Merge(item.Parameters, operation.Parameters);
                var secured = (operation.Security ?? document.Security ?? []).Any(r => r.Count > 0);
                operations.Add(new ContractOperation(method.Method, template, operation, parameters, secured));
            }
        }

        return new ContractDocument(operations, problems);
    }

    /// <summary>The same contract without the operations on the given paths.</summary>
    public ContractDocument Without(IReadOnlyCollection<string> paths) =>
        new(Operations.Where(o => !paths.Contains(o.PathTemplate)).ToList(), Problems);

    /// <summary>The operations documented on a path template, by method.</summary>
    public IReadOnlyList<string> MethodsOf(string pathTemplate) =>
        Operations.Where(o => o.PathTemplate == pathTemplate).Select(o => o.Method).ToList();

    /// <summary>The operation whose template matches a concrete path (<c>/products/7</c> → <c>/products/{id}</c>).</summary>
    public ContractOperation? Find(string method, string path)
    {
        var bare = path.Split('?', 2)[0];
        return Operations
            .Where(o => o.Method == method && PathTemplate.Matches(o.PathTemplate, bare))
            .OrderBy(o => o.PathTemplate.Count(c => c == '{'))
            .FirstOrDefault();
    }

    // Operation-level parameters override path-level ones of the same name and location.
    private static List<IOpenApiParameter> Merge(IList<IOpenApiParameter>? pathLevel, IList<IOpenApiParameter>? operationLevel)
    {
        var merged = new List<IOpenApiParameter>(operationLevel ?? []);
        merged.AddRange((pathLevel ?? []).Where(p => !merged.Any(o => o.Name == p.Name && o.In == p.In)));
        return merged;
    }
}
