using System.Text.Json.Nodes;
using Assessments.Contract.Spec;
using Microsoft.OpenApi;

namespace Assessments.Contract.Generation;

/// <summary>
/// Turns an operation into the requests that probe it: valid ones at the edges and in between of
/// its schemas, invalid ones breaking one constraint each, and edge ones the server may refuse.
/// Pure and seeded: the same operation and seed give the same requests in the same order.
/// </summary>
public sealed class RequestPlanner(int seed)
{
    /// <summary>At most this many invalid requests per operation, so that a large schema cannot stretch the stage.</summary>
    public const int MaxInvalidPerOperation = 40;

    private static readonly ValueFlavor[] Flavors = [ValueFlavor.Minimal, ValueFlavor.Maximal, ValueFlavor.Random];

    public IReadOnlyList<PlannedRequest> Plan(ContractOperation operation)
    {
        // One generator per operation: adding an operation to the document does not change the others' requests.
        var values = new ValueGenerator(new Random(HashCode(seed, operation.Name)));
        var requests = new List<PlannedRequest>();
        var identifiesResource = operation.In(ParameterLocation.Path).Any();
        foreach (var flavor in Flavors)
        {
            var purpose = identifiesResource ? ProbePurpose.Edge : ProbePurpose.Valid;
            requests.Add(Build(operation, values, flavor, purpose, $"valid input ({flavor.ToString().ToLowerInvariant()})"));
        }

        // A create sent twice: a second resource, a conflict or a replay are all fine; a crash is not.
        if (operation.BodySchema is not null && requests[0].Body is { } first)
        {
            requests.Add(requests[0] with { Purpose = ProbePurpose.Edge, Description = "the same request repeated", Body = first });
        }

        requests.AddRange(Opaque(operation, values));
        requests.AddRange(Invalid(operation, values).Take(MaxInvalidPerOperation));
        return requests;
    }

    /// <summary>A valid request for the operation (used by the stateful probes too).</summary>
    public static PlannedRequest Build(ContractOperation operation, ValueGenerator values, ValueFlavor flavor, ProbePurpose purpose, string description, Func<IOpenApiParameter, bool>? includeOptional = null)
    {
        var include = includeOptional ?? (p => flavor != ValueFlavor.Minimal && IsConstrained(p.Schema));
        var path = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new List<(string, string)>();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in operation.Parameters.Where(p => p.Schema is not null && (p.Required || p.In == ParameterLocation.Path || include(p))))
        {
            var text = InvalidValues.Text(values.Valid(parameter.Schema!, flavor == ValueFlavor.Minimal && parameter.In == ParameterLocation.Path ? ValueFlavor.Random : flavor));
            Place(parameter, text, path, query, headers);
        }

        var body = operation.BodySchema is { } schema ? values.Valid(schema, flavor)?.ToJsonString() : null;
        return new PlannedRequest(operation, Url(operation, path, query), headers, body, purpose, description);
    }

    // Free-form optional strings (a cursor, a search term) are often tokens only the server issues: a
    // generated one may be refused, but must never crash the service.
    private static IEnumerable<PlannedRequest> Opaque(ContractOperation operation, ValueGenerator values)
    {
        var opaque = operation.Parameters.Where(p => !p.Required && p.In == ParameterLocation.Query && p.Schema is { } s && !IsConstrained(s)).ToList();
        if (opaque.Count == 0)
        {
            yield break;
        }

        yield return Build(operation, values, ValueFlavor.Random, ProbePurpose.Edge, $"a made-up {string.Join(", ", opaque.Select(p => p.Name))}", _ => true);
    }

    private static IEnumerable<PlannedRequest> Invalid(ContractOperation operation, ValueGenerator values)
    {
        var baseline = Build(operation, values, ValueFlavor.Random, ProbePurpose.Invalid, "invalid input", _ => false);
        foreach (var parameter in operation.Parameters.Where(p => p.Schema is not null))
        {
            foreach (var (breaks, text) in InvalidValues.AsText(parameter.Schema!))
            {
                var path = new Dictionary<string, string>(StringComparer.Ordinal);
                var query = new List<(string, string)>();
                var headers = new Dictionary<string, string>(baseline.Headers, StringComparer.OrdinalIgnoreCase);
                foreach (var other in operation.Parameters.Where(p => p.Schema is not null && p != parameter && (p.Required || p.In == ParameterLocation.Path)))
                {
                    Place(other, InvalidValues.Text(values.Valid(other.Schema!, ValueFlavor.Random)), path, query, headers);
                }

                Place(parameter, text, path, query, headers);
                yield return baseline with { PathAndQuery = Url(operation, path, query), Headers = headers, Description = $"{parameter.In?.ToString().ToLowerInvariant()} parameter '{parameter.Name}' {breaks}" };
            }
        }

        if (operation.BodySchema is not { } schema || baseline.Body is null || JsonNode.Parse(baseline.Body) is not JsonObject valid)
        {
            yield break;
        }

        if (operation.BodyRequired)
        {
            yield return baseline with { Body = null, Description = "no body" };
        }

        yield return baseline with { Body = "{\"unterminated\": ", Description = "a body that is not JSON" };
        var (properties, required) = SchemaFacts.ObjectShape(schema);
        foreach (var name in properties.Keys.Where(required.Contains))
        {
            var body = (JsonObject)valid.DeepClone();
            body.Remove(name);
            yield return baseline with { Body = body.ToJsonString(), Description = $"body without the required '{name}'" };
        }

        foreach (var (name, property) in properties.Where(p => !p.Value.ReadOnly))
        {
            foreach (var (breaks, value) in InvalidValues.For(property))
            {
                var body = (JsonObject)valid.DeepClone();
                body[name] = value;
                yield return baseline with { Body = body.ToJsonString(), Description = $"body '{name}' {breaks}" };
            }
        }
    }

    private static void Place(IOpenApiParameter parameter, string text, Dictionary<string, string> path, List<(string, string)> query, Dictionary<string, string> headers)
    {
        switch (parameter.In)
        {
            case ParameterLocation.Path:
                path[parameter.Name!] = text;
                break;
            case ParameterLocation.Query:
                query.Add((parameter.Name!, text));
                break;
            case ParameterLocation.Header:
                headers[parameter.Name!] = text;
                break;
        }
    }

    private static string Url(ContractOperation operation, Dictionary<string, string> path, List<(string Name, string Value)> query)
    {
        var url = PathTemplate.Fill(operation.PathTemplate, path);
        return query.Count == 0 ? url : url + "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
    }

    private static bool IsConstrained(IOpenApiSchema? schema) =>
        schema is not null && (SchemaFacts.MainType(schema) is not JsonSchemaType.String || schema.MaxLength is not null || schema.MinLength is not null
            || schema.Enum is { Count: > 0 } || schema.Pattern is not null || schema.Format is not null);

    /// <summary>A stable hash (string.GetHashCode is randomised per process, which would break reruns).</summary>
    public static int HashCode(int seed, string text)
    {
        unchecked
        {
            var hash = (int)2166136261 ^ seed;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
