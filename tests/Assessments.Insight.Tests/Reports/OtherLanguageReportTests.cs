using Assessments.Domain.Reports;
using Assessments.Insight.Tests.Support;
using Assessments.Reporting;
using NJsonSchema;

namespace Assessments.Insight.Tests.Reports;

/// <summary>A submission with no C#: metrics, and a plain sentence where the findings would be.</summary>
public sealed class OtherLanguageReportTests
{
    private static readonly InsightResult Python = SubmissionAnalysis.Analyze(Repository.Corpus("languages/python-kv-fastapi"));

    [Fact]
    public void The_reports_say_findings_are_checked_for_csharp_only_instead_of_showing_none()
    {
        var markdown = MarkdownReport.Render(Report(Python.Insight));
        var html = HtmlReport.Render(Report(Python.Insight));

        const string Sentence = "Code findings are checked for C# only; this submission is Python.";
        Assert.Contains(Sentence, markdown, StringComparison.Ordinal);
        Assert.Contains(Sentence, html, StringComparison.Ordinal);
        Assert.DoesNotContain("0 finding(s)", markdown, StringComparison.Ordinal);
        Assert.Contains("12 functions", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mixed_submission_says_which_files_the_findings_did_not_read()
    {
        var insight = Python.Insight with { FindingsRan = true, Languages = ["csharp", "go", "python"], Mode = "semantic" };

        var markdown = MarkdownReport.Render(Report(insight));

        Assert.Contains("Code findings cover the C# files only; the Go and Python files are not checked.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rubric_check_on_findings_is_not_applicable_and_the_tests_check_still_counts()
    {
        var noHigh = Assert.Single(Python.Outcomes, o => o.CheckId == "code.no-high-severity-findings");
        var tests = Assert.Single(Python.Outcomes, o => o.CheckId == "code.has-tests");

        Assert.True(noHigh.Passed);
        Assert.StartsWith("not applicable: Code findings are checked for C# only", noHigh.Summary, StringComparison.Ordinal);
        Assert.False(tests.Passed);
    }

    [Fact]
    public async Task The_new_fields_are_in_the_schema_and_a_report_without_them_still_reads()
    {
        var json = ReportJson.Serialize(Report(Python.Insight));
        var schema = await JsonSchema.FromJsonAsync(ReportJson.Schema());
        Assert.Empty(schema.Validate(json));
        Assert.Contains("\"languages\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"findingsRan\": false", json, StringComparison.Ordinal);

        // given: a report written before other languages were read
        var old = json.Replace("\"findingsRan\": false", "\"unused\": 0", StringComparison.Ordinal);
        old = System.Text.RegularExpressions.Regex.Replace(old, "\"languages\": \\[[^\\]]*\\],", string.Empty);

        var read = ReportJson.Deserialize(old).Insight!;

        Assert.Null(read.Languages);
        Assert.True(read.FindingsRan);
    }

    private static GradingReport Report(CodeInsight insight) => ReportWithInsight.Of(insight, "python", 1);
}
