using Assessments.Domain.Performance;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using NJsonSchema;

namespace Assessments.UnitTests.Reports;

public sealed class BaselineReportTests
{
    private static readonly BaselineFigures Figures = new(2.5, 4.1, 7.1, 30, 99.9, 800, 0, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_report_with_baseline_figures_and_derived_thresholds_keeps_to_the_schema()
    {
        var report = WithBaseline(new BaselineSection("senior", Figures, 1.5, false, null, [RelativeThreshold.Parse("p(99) < 3 x baseline + 20ms").Derive(Figures)]));

        var schema = await JsonSchema.FromJsonAsync(ReportJson.Schema());

        Assert.Empty(schema.Validate(ReportJson.Serialize(report)));
    }

    [Fact]
    public void The_human_reports_say_where_each_relative_limit_came_from()
    {
        var report = WithBaseline(new BaselineSection("senior", Figures, 1.5, false, null, [RelativeThreshold.Parse("p(99) < 3 x baseline + 20ms").Derive(Figures)]));

        var markdown = MarkdownReport.Render(report);
        var html = HtmlReport.Render(report);

        Assert.Contains("## Baseline: the senior reference on this machine", markdown, StringComparison.Ordinal);
        Assert.Contains("stored measurement, 1.5 h old", markdown, StringComparison.Ordinal);
        Assert.Contains("became `p(99) < 41.3ms`: 3 × the reference's p99 7.1ms + 20ms = 41.3ms", markdown, StringComparison.Ordinal);
        Assert.Contains("p99 7.1 ms", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_that_could_not_be_measured_is_reported_as_failing_closed()
    {
        var report = WithBaseline(new BaselineSection("senior", null, null, false, "the senior reference could not be measured: build_failed", []));

        var schema = await JsonSchema.FromJsonAsync(ReportJson.Schema());

        Assert.Empty(schema.Validate(ReportJson.Serialize(report)));
        Assert.Contains("every relative threshold failed closed", MarkdownReport.Render(report), StringComparison.Ordinal);
    }

    private static GradingReport WithBaseline(BaselineSection baseline) =>
        SampleReports.Graded() with { Load = new LoadSection(true, null) { Baseline = baseline } };
}
