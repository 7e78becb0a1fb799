using Assessments.Domain.Reports;
using Assessments.Reporting;
using Assessments.Insight.Tests.Support;
using NJsonSchema;

namespace Assessments.Insight.Tests.Reports;

public sealed class InsightReportTests
{
    private static readonly InsightResult Planted = SubmissionAnalysis.Analyze(Repository.Corpus("planted"), InsightLimits.Default with { TimeBudget = TimeSpan.FromMinutes(1) });

    [Fact]
    public async Task A_report_with_code_insight_is_one_the_schema_accepts()
    {
        var json = ReportJson.Serialize(Report(Planted.Insight));

        var schema = await JsonSchema.FromJsonAsync(ReportJson.Schema());
        Assert.Empty(schema.Validate(json));
        Assert.Contains("\"insight\"", json, StringComparison.Ordinal);
        Assert.Equal(Planted.Insight.Findings.Count, ReportJson.Deserialize(json).Insight!.Findings.Count);
    }

    [Fact]
    public void The_human_reports_show_findings_with_their_place_and_encode_the_snippets()
    {
        var markdown = MarkdownReport.Render(Report(Planted.Insight));
        var html = HtmlReport.Render(Report(Planted.Insight));

        Assert.Contains("## Code insight", markdown, StringComparison.Ordinal);
        Assert.Contains("src/Program.cs:29", markdown, StringComparison.Ordinal);
        Assert.Contains("<h2>Code insight</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Thread.Sleep(100);", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<HttpContext", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rubric_sees_high_severity_findings_and_the_submissions_own_tests()
    {
        var noHigh = Assert.Single(Planted.Outcomes, o => o.CheckId == "code.no-high-severity-findings");
        var tests = Assert.Single(Planted.Outcomes, o => o.CheckId == "code.has-tests");

        Assert.False(noHigh.Passed);
        Assert.NotEmpty(noHigh.Evidence);
        Assert.True(tests.Passed);
        Assert.Equal(new TestPresence(1, 1, 2), Planted.Insight.Metrics!.Tests);
    }

    private static GradingReport Report(CodeInsight insight) => ReportWithInsight.Of(insight, "planted", 3);
}
