using System.Globalization;
using Microsoft.OpenApi;

namespace Assessments.Contract.Spec;

/// <summary>
/// Reads the constraints of an OpenAPI schema the way generation and validation both need them:
/// numeric bounds as numbers (the model keeps them as text), <c>allOf</c> parts folded together.
/// </summary>
public static class SchemaFacts
{
    public static bool IsNullable(IOpenApiSchema schema) => schema.Type is { } t && (t & JsonSchemaType.Null) != 0;

    /// <summary>The single non-null type a schema declares (or infers from its keywords), for generation.</summary>
    public static JsonSchemaType? MainType(IOpenApiSchema schema)
    {
        if (schema.Type is { } declared)
        {
            var bare = declared & ~JsonSchemaType.Null;
            foreach (var t in new[] { JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Boolean })
            {
                if ((bare & t) != 0)
                {
                    return t;
                }
            }
        }

        return schema.Properties?.Count > 0 || schema.AllOf?.Count > 0 ? JsonSchemaType.Object
            : schema.Items is not null ? JsonSchemaType.Array
            : null;
    }

    public static decimal? Minimum(IOpenApiSchema schema) => Number(schema.Minimum) ?? Number(schema.ExclusiveMinimum);

    public static decimal? Maximum(IOpenApiSchema schema) => Number(schema.Maximum) ?? Number(schema.ExclusiveMaximum);

    public static bool MinimumExclusive(IOpenApiSchema schema) => schema.Minimum is null && Number(schema.ExclusiveMinimum) is not null;

    public static bool MaximumExclusive(IOpenApiSchema schema) => schema.Maximum is null && Number(schema.ExclusiveMaximum) is not null;

    /// <summary>The properties and required names of an object schema, with those of its <c>allOf</c> parts.</summary>
    public static (IReadOnlyDictionary<string, IOpenApiSchema> Properties, IReadOnlySet<string> Required) ObjectShape(IOpenApiSchema schema)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, properties, required, depth: 0);
        return (properties, required);
    }

    /// <summary>The bounds of an integer format, so that generated values fit the declared width.</summary>
    public static (decimal Min, decimal Max) FormatRange(IOpenApiSchema schema) => schema.Format switch
    {
        "int32" => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static void Collect(IOpenApiSchema schema, Dictionary<string, IOpenApiSchema> properties, HashSet<string> required, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            properties.TryAdd(name, property);
        }

        required.UnionWith(schema.Required ?? new HashSet<string>());
        foreach (var part in schema.AllOf ?? [])
        {
            Collect(part, properties, required, depth + 1);
        }
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
