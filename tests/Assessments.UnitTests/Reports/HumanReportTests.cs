using Assessments.Domain.Reports;
using Assessments.Reporting;

namespace Assessments.UnitTests.Reports;

public sealed class HumanReportTests
{
    [Fact]
    public void HtmlReport_encodes_markup_from_logs_and_response_bodies()
    {
        var html = HtmlReport.Render(SampleReports.Graded());

        Assert.DoesNotContain(SampleReports.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportStatus.Graded)]
    [InlineData(ReportStatus.BuildFailed)]
    public void HtmlReport_strips_ansi_escape_codes(ReportStatus status)
    {
        var html = HtmlReport.Render(SampleReports.For(status));

        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain("[31m", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReport_shows_the_failure_with_its_exit_code()
    {
        var html = HtmlReport.Render(SampleReports.For(ReportStatus.StartFailed));

        Assert.Contains("the service exited — exit code 139", html, StringComparison.Ordinal);
        Assert.Contains("Segmentation fault", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_reports_of_a_platform_fault_list_the_checks_that_ran_before_it_as_unscored_and_encoded()
    {
        var report = SampleReports.For(ReportStatus.InfrastructureError) with { Contract = SampleReports.Graded().Contract };

        var md = MarkdownReport.Render(report);
        var html = HtmlReport.Render(report);

        Assert.Contains("## Checks before the fault (not scored)", md, StringComparison.Ordinal);
        Assert.Contains("❌ `not-found`: status 200, expected 404", md, StringComparison.Ordinal);
        Assert.Contains("Checks before the fault (not scored)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Checks before the fault", MarkdownReport.Render(SampleReports.Graded()), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReport_shows_the_level_the_score_and_the_curl_commands()
    {
        var report = SampleReports.Graded();

        var md = MarkdownReport.Render(report);

        Assert.Contains("**Final level: `junior`** · **Score: 50/100**", md, StringComparison.Ordinal);
        Assert.Contains($"  {SampleReports.Curl}", md, StringComparison.Ordinal);
        Assert.Contains("senior: score 50 is below 90", md, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReport_of_a_build_failure_shows_the_log_tail_without_escape_codes()
    {
        var md = MarkdownReport.Render(SampleReports.For(ReportStatus.BuildFailed));

        Assert.Contains("## What went wrong (build)", md, StringComparison.Ordinal);
        Assert.Contains("error CS1002: ; expected", md, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', md);
    }

    [Fact]
    public void MarkdownReport_strips_escape_codes_from_a_failure_message_the_submission_controls()
    {
        // given the engine quotes the candidate's failing RUN line, which may hold raw escape bytes
        var failure = new Failure("build", "build_failed", "The command '/bin/sh -c echo \u001b]0;pwned\u0007' returned a non-zero code: 1", null, []);
        var reason = Evidence.Note($"Not evaluated: {failure.Message}");
        var report = SampleReports.For(ReportStatus.BuildFailed) with { Failure = failure, LevelReasons = [reason.Summary] };

        var md = MarkdownReport.Render(report);

        Assert.DoesNotContain('\u001b', md);
        Assert.DoesNotContain('\u0007', md);
        Assert.Contains("The command '/bin/sh -c echo ' returned a non-zero code: 1", md, StringComparison.Ordinal);
    }
}
