using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>
/// Authors write <c>version: 1</c> or <c>title: 2048</c> and mean text; YAML reads those as numbers.
/// Any scalar is accepted where the challenge format expects text.
/// </summary>
internal sealed class ScalarTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw new JsonException("expected text, not a list or a mapping"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
