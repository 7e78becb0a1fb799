using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assessments.Contract.Spec;
using Microsoft.OpenApi;

namespace Assessments.Contract.Validation;

/// <summary>
/// Validates a JSON value against an OpenAPI schema (the keywords response schemas use: type,
/// nullable, required, properties, additionalProperties, items, enum, bounds, lengths, pattern,
/// allOf/anyOf/oneOf). Returns every violation with its JSON path, so a report can say exactly what drifted.
/// </summary>
public static class SchemaValidator
{
    private const int MaxDepth = 32;
    private const int MaxProblems = 10;

    public static IReadOnlyList<string> Validate(JsonNode? value, IOpenApiSchema schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems, 0);
        return problems.Take(MaxProblems).ToList();
    }

    private static void Check(JsonNode? value, IOpenApiSchema schema, string path, List<string> problems, int depth)
    {
        if (depth > MaxDepth || problems.Count >= MaxProblems)
        {
            return;
        }

        foreach (var part in schema.AllOf ?? [])
        {
            Check(value, part, path, problems, depth + 1);
        }

        CheckAlternatives(value, schema.AnyOf, "anyOf", path, problems, depth);
        CheckAlternatives(value, schema.OneOf, "oneOf", path, problems, depth);

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (kind == JsonValueKind.Null)
        {
            if (schema.Type is not null && !SchemaFacts.IsNullable(schema))
            {
                problems.Add($"{path} is null, expected {Describe(schema.Type.Value)}");
            }

            return;
        }

        if (schema.Type is { } type && !TypeMatches(value!, kind, type))
        {
            problems.Add($"{path} is {Show(value)}, expected {Describe(type)}");
            return;
        }

        if (schema.Enum is { Count: > 0 } choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
        {
            problems.Add($"{path} is {Show(value)}, not one of the documented values");
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, problems, depth);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, problems, depth);
                break;
            case JsonValue scalar when kind == JsonValueKind.String:
                CheckString(scalar.GetValue<string>(), schema, path, problems);
                break;
            case JsonValue scalar when kind == JsonValueKind.Number && scalar.TryGetValue<decimal>(out var number):
                CheckNumber(number, schema, path, problems);
                break;
        }
    }

    private static void CheckObject(JsonObject obj, IOpenApiSchema schema, string path, List<string> problems, int depth)
    {
        foreach (var name in (schema.Required ?? new HashSet<string>()).Where(n => !obj.ContainsKey(n)))
        {
            problems.Add($"{path}.{name} is required but missing");
        }

        foreach (var (name, member) in obj)
        {
            if (schema.Properties?.TryGetValue(name, out var property) == true)
            {
                Check(member, property, $"{path}.{name}", problems, depth + 1);
            }
            else if (schema.AdditionalProperties is { } extra)
            {
                Check(member, extra, $"{path}.{name}", problems, depth + 1);
            }
            else if (!schema.AdditionalPropertiesAllowed)
            {
                problems.Add($"{path}.{name} is not a documented property");
            }
        }
    }

    private static void CheckArray(JsonArray array, IOpenApiSchema schema, string path, List<string> problems, int depth)
    {
        if (array.Count < (schema.MinItems ?? 0) || array.Count > (schema.MaxItems ?? int.MaxValue))
        {
            problems.Add($"{path} has {array.Count} items, outside {schema.MinItems ?? 0}..{schema.MaxItems?.ToString(CultureInfo.InvariantCulture) ?? "∞"}");
        }

        for (var i = 0; i < array.Count && schema.Items is not null; i++)
        {
            Check(array[i], schema.Items, $"{path}[{i}]", problems, depth + 1);
        }
    }

    private static void CheckString(string text, IOpenApiSchema schema, string path, List<string> problems)
    {
        if (text.Length < (schema.MinLength ?? 0) || text.Length > (schema.MaxLength ?? int.MaxValue))
        {
            problems.Add($"{path} has length {text.Length}, outside {schema.MinLength ?? 0}..{schema.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "∞"}");
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
        {
            problems.Add($"{path} does not match the pattern {pattern}");
        }
    }

    private static void CheckNumber(decimal number, IOpenApiSchema schema, string path, List<string> problems)
    {
        if (SchemaFacts.Minimum(schema) is { } min && (number < min || (SchemaFacts.MinimumExclusive(schema) && number == min)))
        {
            problems.Add($"{path} is {number}, below the minimum {min}");
        }

        if (SchemaFacts.Maximum(schema) is { } max && (number > max || (SchemaFacts.MaximumExclusive(schema) && number == max)))
        {
            problems.Add($"{path} is {number}, above the maximum {max}");
        }
    }

    private static void CheckAlternatives(JsonNode? value, IList<IOpenApiSchema>? alternatives, string keyword, string path, List<string> problems, int depth)
    {
        if (alternatives is not { Count: > 0 })
        {
            return;
        }

        var matching = alternatives.Count(a =>
        {
            var inner = new List<string>();
            Check(value, a, path, inner, depth + 1);
            return inner.Count == 0;
        });
        if (matching == 0 || (keyword == "oneOf" && matching > 1))
        {
            problems.Add($"{path} matches {matching} of the {keyword} schemas");
        }
    }

    private static bool TypeMatches(JsonNode value, JsonValueKind kind, JsonSchemaType type) => kind switch
    {
        JsonValueKind.Object => (type & JsonSchemaType.Object) != 0,
        JsonValueKind.Array => (type & JsonSchemaType.Array) != 0,
        JsonValueKind.String => (type & JsonSchemaType.String) != 0,
        JsonValueKind.True or JsonValueKind.False => (type & JsonSchemaType.Boolean) != 0,
        JsonValueKind.Number => (type & JsonSchemaType.Number) != 0
            || ((type & JsonSchemaType.Integer) != 0 && value.AsValue().TryGetValue<decimal>(out var n) && n % 1 == 0),
        _ => false,
    };

    private static string Describe(JsonSchemaType type) =>
        string.Join(" or ", Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && (type & t) != 0).Select(t => t.ToString().ToLowerInvariant()));

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
