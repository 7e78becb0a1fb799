using Assessments.Reporting;
using NJsonSchema;

namespace Assessments.IntegrationTests;

/// <summary>Validates report.json text against the schema shipped with the reports.</summary>
internal static class ReportSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromJsonAsync(ReportJson.Schema()));

    public static async Task<IReadOnlyList<string>> ErrorsAsync(string json) =>
        (await Schema.Value).Validate(json).Select(e => $"{e.Path}: {e.Kind}").ToList();
}
