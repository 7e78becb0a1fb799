using Microsoft.OpenApi;

namespace Assessments.Contract.Spec;

/// <summary>One documented method on one path, with its parameters merged from the path level.</summary>
public sealed record ContractOperation(string Method, string PathTemplate, OpenApiOperation Operation, IReadOnlyList<IOpenApiParameter> Parameters, bool Secured)
{
    public string Name => $"{Method} {PathTemplate}";

    public IEnumerable<IOpenApiParameter> In(ParameterLocation location) => Parameters.Where(p => p.In == location);

    /// <summary>The JSON schema of the request body, when the operation takes a JSON body.</summary>
    public IOpenApiSchema? BodySchema => Operation.RequestBody?.Content is { } content
        && content.FirstOrDefault(c => MediaTypes.IsJson(c.Key)).Value is { Schema: { } schema } ? schema : null;

    public bool BodyRequired => Operation.RequestBody?.Required == true;

    public IEnumerable<string> DocumentedStatuses => Operation.Responses?.Keys ?? Enumerable.Empty<string>();

    /// <summary>The documented response for a status: exact code first, then <c>4XX</c>, then <c>default</c>.</summary>
    public IOpenApiResponse? ResponseFor(int status)
    {
        var responses = Operation.Responses;
        if (responses is null)
        {
            return null;
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return responses.TryGetValue(code, out var exact) ? exact
            : responses.TryGetValue($"{code[0]}XX", out var range) ? range
            : responses.FirstOrDefault(r => string.Equals(r.Key, $"{code[0]}xx", StringComparison.Ordinal)).Value
              ?? (responses.TryGetValue("default", out var fallback) ? fallback : null);
    }

    /// <summary>Whether a successful create answers with a Location (a resource that can be read back).</summary>
    public bool CreatesWithLocation => Operation.Responses?.Any(r => r.Key == "201" && r.Value.Headers?.ContainsKey("Location") == true) == true;
}
