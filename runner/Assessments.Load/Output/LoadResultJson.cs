using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assessments.Load.Output;

/// <summary>The one set of JSON options for results: camelCase names, enums as strings, indented.</summary>
public static class LoadResultJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
