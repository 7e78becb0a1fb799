using Assessments.Domain.Reports;
using Assessments.Reporting;

namespace Assessments.UnitTests.Reports;

public sealed class TimingsViewTests
{
    [Fact]
    public void Both_reports_show_each_scenario_with_its_slowest_steps_and_the_slot()
    {
        var report = SampleReports.For(ReportStatus.Graded);

        var md = MarkdownReport.Render(report);
        var html = HtmlReport.Render(report);

        Assert.Contains("## Where the time went", md, StringComparison.Ordinal);
        Assert.Contains("| `create-product` | 0.41 s | step 2 (request, 3 tries) 0.37 s, step 1 (request) 0.04 s |", md, StringComparison.Ordinal);
        Assert.Contains("21 s measuring the reference", md, StringComparison.Ordinal);
        Assert.Contains("slot 1 of 1 (service on CPU 1, load generator on 0", md, StringComparison.Ordinal);
        Assert.Contains("<h2>Where the time went</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>create-product</code>", html, StringComparison.Ordinal);
    }
}
