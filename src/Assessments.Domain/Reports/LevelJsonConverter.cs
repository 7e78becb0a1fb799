using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.Domain.Scoring;

namespace Assessments.Domain.Reports;

/// <summary>Writes levels with their report names (<c>not-yet</c>, <c>engineer-ii</c>…).</summary>
public sealed class LevelJsonConverter : JsonConverter<Level>
{
    public override Level Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LevelNames.TryParse(reader.GetString(), out var level)
            ? level
            : throw new JsonException($"Unknown level '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, Level value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToName());
}
