using System.Text.Json.Nodes;
using System.Xml.Linq;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using Assessments.Reporting.Ci;

namespace Assessments.UnitTests.Reports;

/// <summary>
/// report.junit.xml and report.sarif from real gradings' report.json (Reports/Fixtures, written by
/// <c>assess grade</c>) validate against the Jenkins JUnit XSD and the SARIF 2.1.0 schema, which are
/// fetched from npm packages at test time, and carry what CI shows: evidence, curl, findings at their line.
/// </summary>
public sealed class CiReportFormatTests
{
    private static GradingReport Fixture(string name) =>
        ReportJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "Fixtures", $"{name}.report.json")));

    [Fact]
    public void JUnit_of_a_real_grading_validates_and_has_a_case_per_criterion_and_per_check_with_evidence_and_curl()
    {
        var report = Fixture("graded-with-findings");

        var xml = JUnitReport.Render(report);

        Assert.Empty(CiSchemas.JUnitErrors(xml));
        var doc = XDocument.Parse(xml);
        var suites = doc.Root!.Elements("testsuite").ToDictionary(s => (string)s.Attribute("name")!);
        Assert.Equal(report.Criteria.Count, suites["criteria"].Elements("testcase").Count());
        Assert.Equal(report.Contract.Checks.Count, suites["checks"].Elements("testcase").Count());
        Assert.Equal(report.Criteria.Count(c => !c.Passed), suites["criteria"].Elements("testcase").Count(t => t.Element("failure") is not null));
        Assert.Equal(report.Contract.Checks.Count(c => !c.Passed), int.Parse((string)suites["checks"].Attribute("failures")!, System.Globalization.CultureInfo.InvariantCulture));
        var failure = suites["criteria"].Elements("testcase").First(t => ((string)t.Attribute("name")!).StartsWith("error-contract", StringComparison.Ordinal)).Element("failure")!;
        Assert.Contains("$ curl -i -X POST 'http://localhost:8080/products'", failure.Value, StringComparison.Ordinal);
        Assert.Contains("→ 201", failure.Value, StringComparison.Ordinal);
        Assert.Null(suites["grading"].Element("testcase")!.Element("failure"));
        Assert.Equal("junior", suites["grading"].Descendants("property").Single(p => (string)p.Attribute("name")! == "level").Attribute("value")!.Value);
    }

    [Fact]
    public void JUnit_after_a_platform_fault_reports_an_error_and_skips_the_criteria_instead_of_failing_them()
    {
        var report = Fixture("platform-fault");

        var xml = JUnitReport.Render(report);

        Assert.Empty(CiSchemas.JUnitErrors(xml));
        var doc = XDocument.Parse(xml);
        Assert.Equal("1", (string)doc.Root!.Attribute("errors")!);
        var criteria = doc.Root.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "criteria").Elements("testcase").ToList();
        Assert.All(criteria, c => Assert.NotNull(c.Element("skipped")));
        Assert.Contains("load generator", doc.Root.Descendants("error").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_of_a_real_grading_validates_and_has_a_result_per_finding_with_rule_level_location_and_help()
    {
        var report = Fixture("graded-with-findings");

        var sarif = SarifReport.Render(report);

        Assert.Empty(await CiSchemas.SarifErrorsAsync(sarif));
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        Assert.Equal(report.Insight!.Findings.Count, results.Count);
        Assert.Equal(["async-void", "httpclient-per-request", "swallowed-exception", "sync-over-async"], run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!));
        var asyncVoid = results.Single(r => (string)r!["ruleId"]! == "async-void")!;
        Assert.Equal("error", (string)asyncVoid["level"]!);
        var location = asyncVoid["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("Housekeeping.cs", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal(5, (int)location["region"]!["startLine"]!);
        Assert.All(run["tool"]!["driver"]!["rules"]!.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace((string)r!["help"]!["text"]!)));
    }

    [Theory]
    [InlineData(ReportStatus.Graded)]
    [InlineData(ReportStatus.BuildFailed)]
    [InlineData(ReportStatus.StartFailed)]
    [InlineData(ReportStatus.Rejected)]
    [InlineData(ReportStatus.InfrastructureError)]
    public async Task Every_way_a_grading_ends_gives_valid_junit_and_sarif(ReportStatus status)
    {
        var report = SampleReports.For(status);

        Assert.Empty(CiSchemas.JUnitErrors(JUnitReport.Render(report)));
        var sarif = SarifReport.Render(report);
        Assert.Empty(await CiSchemas.SarifErrorsAsync(sarif));
        Assert.Equal(status != ReportStatus.Graded || report.Insight is null, JsonNode.Parse(sarif)!["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"] is not null);
    }

    [Fact]
    public void Hostile_text_in_evidence_cannot_break_the_junit_xml()
    {
        var report = SampleReports.Graded() with
        {
            Criteria = [new CriterionResult("x", "]]></failure><script>", "c", 0, 5, false, [Evidence.Log("bad \u0001\uFFFE\uD800 bytes", ["\u001b[31m</testcase>\u0000"])])],
        };

        var xml = JUnitReport.Render(report);

        Assert.Empty(CiSchemas.JUnitErrors(xml));
        Assert.Contains("x: ]]></failure><script> (0/5)", XDocument.Parse(xml).Descendants("testcase").Select(t => (string)t.Attribute("name")!));
    }

    [Fact]
    public async Task The_validators_reject_what_the_schemas_forbid()
    {
        Assert.NotEmpty(CiSchemas.JUnitErrors("<testsuites><testsuite name=\"s\" tests=\"1\"><testcase classname=\"no-name\"/></testsuite></testsuites>"));
        Assert.NotEmpty(await CiSchemas.SarifErrorsAsync("""{"version":"2.1.0","runs":[{"results":[]}]}"""));
        Assert.NotEmpty(await CiSchemas.SarifErrorsAsync("""{"version":"3.0","runs":[]}"""));
    }

    [Theory]
    [InlineData("json,md,html,junit,sarif", new[] { ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html, ReportFormat.JUnit, ReportFormat.Sarif })]
    [InlineData("junit", new[] { ReportFormat.JUnit })]
    [InlineData(" SARIF , json,sarif", new[] { ReportFormat.Sarif, ReportFormat.Json })]
    public void Format_lists_parse_in_order_without_repeats(string list, ReportFormat[] expected)
    {
        Assert.True(ReportFormats.TryParse(list, out var formats, out var error), error);
        Assert.Equal(expected, formats);
    }

    [Theory]
    [InlineData("json,pdf,xml", "Unknown report formats 'pdf', 'xml'")]
    [InlineData(",", "--format names no format")]
    public void Unknown_formats_are_named_in_the_error(string list, string message)
    {
        Assert.False(ReportFormats.TryParse(list, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Contains("json, md, html, junit, sarif", error, StringComparison.Ordinal);
    }
}
