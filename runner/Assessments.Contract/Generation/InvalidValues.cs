using System.Globalization;
using System.Text.Json.Nodes;
using Assessments.Contract.Spec;
using Microsoft.OpenApi;

namespace Assessments.Contract.Generation;

/// <summary>
/// Values a schema rejects, each with what it breaks: one constraint at a time, so that a
/// service that accepts it shows exactly which rule it does not enforce.
/// </summary>
public static class InvalidValues
{
    public static IEnumerable<(string Breaks, JsonNode? Value)> For(IOpenApiSchema schema)
    {
        var type = SchemaFacts.MainType(schema);
        if (type is JsonSchemaType.Integer or JsonSchemaType.Number)
        {
            yield return ("not a number", JsonValue.Create("not-a-number"));
            if (type == JsonSchemaType.Integer)
            {
                yield return ("not a whole number", JsonValue.Create(1.5));
            }

            if (SchemaFacts.Minimum(schema) is { } min)
            {
                yield return ($"below the minimum {min}", JsonValue.Create(SchemaFacts.MinimumExclusive(schema) ? min : min - 1));
            }

            if (SchemaFacts.Maximum(schema) is { } max)
            {
                yield return ($"above the maximum {max}", JsonValue.Create(SchemaFacts.MaximumExclusive(schema) ? max : max + 1));
            }
        }
        else if (type == JsonSchemaType.String)
        {
            yield return ("not a string", JsonValue.Create(12345));
            if (schema.MinLength is { } minLength and > 0)
            {
                yield return ($"shorter than {minLength}", JsonValue.Create(new string('x', minLength - 1)));
            }

            if (schema.MaxLength is { } maxLength && maxLength < 100_000)
            {
                yield return ($"longer than {maxLength}", JsonValue.Create(new string('x', maxLength + 1)));
            }

            if (schema.Enum is { Count: > 0 })
            {
                yield return ("not one of the documented values", JsonValue.Create("not-a-documented-value"));
            }
        }
        else if (type == JsonSchemaType.Boolean)
        {
            yield return ("not a boolean", JsonValue.Create("maybe"));
        }
        else if (type is JsonSchemaType.Object or JsonSchemaType.Array)
        {
            yield return ($"not an {(type == JsonSchemaType.Object ? "object" : "array")}", JsonValue.Create(type == JsonSchemaType.Object ? 7 : (object)"x"));
        }
    }

    /// <summary>A parameter's invalid value as it travels in a path, query or header: text.</summary>
    public static IEnumerable<(string Breaks, string Text)> AsText(IOpenApiSchema schema) =>
        For(schema)
            .Where(v => v.Breaks != "not a string")
            .Select(v => (v.Breaks, v.Value switch
            {
                JsonValue s when s.TryGetValue<string>(out var text) => text,
                { } node => node.ToJsonString(),
                null => string.Empty,
            }))
            .Where(v => v.Item2.Length > 0);

    public static string Text(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        null => string.Empty,
        _ => value.ToJsonString(),
    };
}
