using System.Text.Json.Nodes;
using Assessments.Contract.Spec;
using Microsoft.OpenApi;

namespace Assessments.Contract.Generation;

/// <summary>Which corner of a schema's valid values to generate from.</summary>
public enum ValueFlavor
{
    /// <summary>Lower bounds, shortest strings, only required properties: the edge most code forgets.</summary>
    Minimal,

    /// <summary>Upper bounds, longest strings, every property.</summary>
    Maximal,

    /// <summary>Anything in between, drawn from the seeded random source.</summary>
    Random,
}

/// <summary>
/// Generates JSON values that a schema accepts. Everything random comes from the one seeded
/// <see cref="Random"/> it is given, so the same seed gives the same values in the same order.
/// </summary>
public sealed class ValueGenerator(Random random)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int LongestString = 40;

    public JsonNode? Valid(IOpenApiSchema schema, ValueFlavor flavor, int depth = 0)
    {
        if (schema.Enum is { Count: > 0 } choices)
        {
            var pick = flavor switch { ValueFlavor.Minimal => 0, ValueFlavor.Maximal => choices.Count - 1, _ => random.Next(choices.Count) };
            return choices[pick]?.DeepClone();
        }

        return SchemaFacts.MainType(schema) switch
        {
            JsonSchemaType.Object => Object(schema, flavor, depth),
            JsonSchemaType.Array => Array(schema, flavor, depth),
            JsonSchemaType.Integer => JsonValue.Create(Integer(schema, flavor)),
            JsonSchemaType.Number => JsonValue.Create((double)Integer(schema, flavor) + (flavor == ValueFlavor.Random ? 0.5 : 0)),
            JsonSchemaType.Boolean => JsonValue.Create(flavor == ValueFlavor.Random ? random.Next(2) == 1 : flavor == ValueFlavor.Maximal),
            _ => JsonValue.Create(Text(schema, flavor)),
        };
    }

    public long Integer(IOpenApiSchema schema, ValueFlavor flavor)
    {
        var (formatMin, formatMax) = SchemaFacts.FormatRange(schema);
        var min = SchemaFacts.Minimum(schema) is { } lo ? lo + (SchemaFacts.MinimumExclusive(schema) ? 1 : 0) : (decimal?)null;
        var max = SchemaFacts.Maximum(schema) is { } hi ? hi - (SchemaFacts.MaximumExclusive(schema) ? 1 : 0) : (decimal?)null;
        var value = flavor switch
        {
            ValueFlavor.Minimal => min ?? 0,
            ValueFlavor.Maximal => max ?? formatMax,
            _ => RandomBetween(min ?? Math.Max(formatMin, -1000), max ?? Math.Min(formatMax, (min ?? 0) + 100_000)),
        };
        return (long)Math.Clamp(value, Math.Max(formatMin, long.MinValue), Math.Min(formatMax, long.MaxValue));
    }

    public string Text(IOpenApiSchema schema, ValueFlavor flavor)
    {
        var min = Math.Max(schema.MinLength ?? 0, 1);
        var max = Math.Max(min, Math.Min(schema.MaxLength ?? LongestString, 4096));
        var length = flavor switch
        {
            ValueFlavor.Minimal => min,
            ValueFlavor.Maximal => max,
            _ => random.Next(min, Math.Min(max, min + 16) + 1),
        };

        return schema.Format switch
        {
            "uuid" => new Guid(Bytes(16)).ToString(),
            "date-time" => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next(0, 100_000_000)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            "date" => new DateOnly(2020, 1, 1).AddDays(random.Next(0, 3000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "email" => $"{Letters(Math.Max(1, Math.Min(length, 20)))}@example.com",
            _ => Letters(length),
        };
    }

    private JsonObject Object(IOpenApiSchema schema, ValueFlavor flavor, int depth)
    {
        var (properties, required) = SchemaFacts.ObjectShape(schema);
        var result = new JsonObject();
        foreach (var (name, property) in properties)
        {
            var include = required.Contains(name) || flavor switch
            {
                ValueFlavor.Minimal => false,
                ValueFlavor.Maximal => depth < 3,
                _ => depth < 3 && random.Next(2) == 1,
            };

            // Read-only members are the server's to set; a client never sends them.
            if (include && !property.ReadOnly)
            {
                result[name] = Valid(property, flavor, depth + 1);
            }
        }

        return result;
    }

    private JsonArray Array(IOpenApiSchema schema, ValueFlavor flavor, int depth)
    {
        var min = schema.MinItems ?? 0;
        var max = Math.Max(min, Math.Min(schema.MaxItems ?? 3, 3));
        var count = flavor switch { ValueFlavor.Minimal => min, ValueFlavor.Maximal => max, _ => random.Next(min, max + 1) };
        var array = new JsonArray();
        for (var i = 0; i < count && schema.Items is not null; i++)
        {
            array.Add(Valid(schema.Items, flavor, depth + 1));
        }

        return array;
    }

    private decimal RandomBetween(decimal min, decimal max) =>
        max <= min ? min : min + Math.Floor((decimal)random.NextDouble() * (max - min + 1));

    private string Letters(int length) => string.Create(length, random, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[r.Next(Alphabet.Length)];
        }
    });

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
