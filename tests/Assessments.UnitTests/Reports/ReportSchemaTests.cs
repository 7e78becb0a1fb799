using System.Text.Json.Nodes;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Assessments.UnitTests.Reports;

public sealed class ReportSchemaTests
{
    [Theory]
    [InlineData(ReportStatus.Graded)]
    [InlineData(ReportStatus.BuildFailed)]
    [InlineData(ReportStatus.StartFailed)]
    [InlineData(ReportStatus.Rejected)]
    [InlineData(ReportStatus.InfrastructureError)]
    public async Task Serialize_writes_a_report_the_schema_accepts(ReportStatus status)
    {
        var json = ReportJson.Serialize(SampleReports.For(status));

        var errors = await ValidateAsync(json);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_schema_rejects_a_level_it_does_not_know()
    {
        var report = Mutate(r => r["level"] = "guru");

        var errors = await ValidateAsync(report);

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NotInEnumeration && e.Property == "level");
    }

    [Fact]
    public async Task The_schema_rejects_a_report_without_a_status()
    {
        var report = Mutate(r => r.Remove("status"));

        var errors = await ValidateAsync(report);

        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.PropertyRequired && e.Property == "status");
    }

    [Fact]
    public async Task The_schema_rejects_a_criterion_without_evidence()
    {
        var report = Mutate(r => r["criteria"]![0]!["evidence"] = new JsonArray());

        var errors = await ValidateAsync(report);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Deserialize_reads_back_what_Serialize_wrote()
    {
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            var json = ReportJson.Serialize(SampleReports.For(status));

            var again = ReportJson.Serialize(ReportJson.Deserialize(json));

            Assert.Equal(json, again);
        }
    }

    [Fact]
    public void Serialize_spells_status_and_level_as_report_json_does()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(SampleReports.For(ReportStatus.BuildFailed)))!;

        Assert.Equal("build_failed", json["status"]!.GetValue<string>());
        Assert.Equal("not-yet", json["level"]!.GetValue<string>());
        Assert.Equal("1.1", json["schemaVersion"]!.GetValue<string>());
    }

    private static string Mutate(Action<JsonObject> change)
    {
        var report = JsonNode.Parse(ReportJson.Serialize(SampleReports.Graded()))!.AsObject();
        change(report);
        return report.ToJsonString();
    }

    private static async Task<ICollection<ValidationError>> ValidateAsync(string json)
    {
        var schema = await JsonSchema.FromJsonAsync(ReportJson.Schema());
        return schema.Validate(json);
    }
}
