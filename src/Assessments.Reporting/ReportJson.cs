using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>Reads and writes report.json with the one set of serializer options the schema describes.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(GradingReport report) => JsonSerializer.Serialize(report, Options);

    public static GradingReport Deserialize(string json) =>
        JsonSerializer.Deserialize<GradingReport>(json, Options) ?? throw new JsonException("report.json is empty");

    /// <summary>The JSON Schema of report.json, shipped inside this assembly.</summary>
    public static string Schema()
    {
        using var stream = typeof(ReportJson).Assembly.GetManifestResourceStream("report.schema.json")
            ?? throw new InvalidOperationException("report.schema.json is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
