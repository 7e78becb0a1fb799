using Assessments.Reporting;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// The verdict an interviewer reads first (issue 21, points 1 and 2): on the review page and at the
/// top of the report, failures first with their reasons, the evidence that shows the failure, the
/// override with who and why, and a build failure told once. At a desk's width and a phone's.
/// </summary>
public sealed class ReportVerdictTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task The_review_page_opens_on_the_verdict_with_the_failed_criteria_and_their_reasons(int width)
    {
        // given: a submission the rubric put at engineer-ii, with two failed criteria
        var (_, submission) = await Candidates.WithUploadAsync(platform, $"Grace {width}");
        await StoredReports.FinishAsync(platform.Database, submission, InterviewerReports.EngineerII());
        await using var session = await platform.OpenAsync(width);
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);

        // when: the interviewer opens it
        await session.GoAsync($"/review/submissions/{submission}");
        var page = session.Page;

        // then: the first screen holds the level, the score, the gate that decided it and the failed criteria with their reasons
        await Assertions.Expect(page.Locator("#final-level")).ToHaveTextAsync("engineer-ii");
        await Assertions.Expect(page.Locator("#gates + ul")).ToContainTextAsync("senior: required criteria not met: contract-input, delete");
        var failed = page.Locator("#failed-criteria li");
        await Assertions.Expect(failed).ToHaveCountAsync(2);
        await Assertions.Expect(failed.First).ToContainTextAsync(InterviewerReports.FailingReason);
        await Assertions.Expect(failed.First).ToContainTextAsync("api-design");
        await Assertions.Expect(failed.Nth(1)).ToContainTextAsync("status 200, expected 404");
        var box = await page.Locator("#failed-criteria").BoundingBoxAsync();
        Assert.True(box!.Y < page.ViewportSize!.Height, $"the failed criteria start at {box.Y} px, below the first screen");
        if (width >= 1400)
        {
            Assert.True(box.Y + box.Height <= page.ViewportSize.Height, $"the failed criteria end at {box.Y + box.Height} px, past the first screen");
        }

        // and: the passed criteria are folded away, the key figures name the p99 with its threshold
        Assert.Null(await page.Locator("#passed-criteria").GetAttributeAsync("open"));
        await Assertions.Expect(page.Locator("#passed-criteria summary")).ToContainTextAsync("criteria passed");
        await Assertions.Expect(page.Locator("#key-figures")).ToContainTextAsync("p99 latency under load");
        await Assertions.Expect(page.Locator("#key-figures")).ToContainTextAsync("threshold 100 ms");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await session.ScreenshotAsync($"verdict-review-{width}");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task The_evidence_shows_the_failure_first_once_with_a_count_and_a_scenario_repro_as_a_script(int width)
    {
        var (_, submission) = await Candidates.WithUploadAsync(platform, $"Edsger {width}");
        await StoredReports.FinishAsync(platform.Database, submission, InterviewerReports.EngineerII());
        await using var session = await platform.OpenAsync(width);
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);

        // when: the report is opened on its own, as the interviewer's link does
        await session.GoAsync($"/api/submissions/{submission}/report.html");
        var page = session.Page;

        // then: the report's top is the verdict too
        await Assertions.Expect(page.Locator("#verdict #final-level")).ToHaveTextAsync("engineer-ii");

        // and: in the failed input criterion the failing exchange comes first, marked, once, counted three times
        var input = page.Locator("#c-contract-input");
        var first = input.Locator(".evidence").First;
        await Assertions.Expect(first).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failing"));
        await Assertions.Expect(first).ToContainTextAsync("answered 204, expected a 4xx rejection");
        await Assertions.Expect(first).ToContainTextAsync("× 3, identical");
        await Assertions.Expect(input.Locator(".evidence.failing")).ToHaveCountAsync(1);
        await Assertions.Expect(input.Locator("details.passing summary")).ToContainTextAsync("2 passing");
        Assert.Null(await input.Locator("details.passing").GetAttributeAsync("open"));
        await Assertions.Expect(input.Locator("p.reason")).ToContainTextAsync(InterviewerReports.FailingReason);

        // and: the deleted-product failure reproduces as a script: create, delete, then the failing read
        var script = await page.Locator("#c-delete .evidence.failing pre.repro").InnerTextAsync();
        var create = script.IndexOf("curl -i -X POST 'http://localhost:8080/products'", StringComparison.Ordinal);
        var delete = script.IndexOf("curl -i -X DELETE 'http://localhost:8080/products/6'", StringComparison.Ordinal);
        var read = script.IndexOf("curl -i 'http://localhost:8080/products/6'", StringComparison.Ordinal);
        Assert.True(create >= 0 && delete > create && read > delete, $"the repro is not create → delete → read:\n{script}");
        Assert.Contains("step 3: GET /products/6: the failing request", script, StringComparison.Ordinal);
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await session.ScreenshotAsync($"verdict-report-{width}");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task After_an_override_the_report_names_both_levels_who_and_why_and_the_audit_shows_the_real_before(int width)
    {
        var (_, submission) = await Candidates.WithUploadAsync(platform, $"Barbara {width}");
        await StoredReports.FinishAsync(platform.Database, submission, InterviewerReports.EngineerII());
        await using var session = await platform.OpenAsync(width);
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);
        await session.GoAsync($"/review/submissions/{submission}");
        var page = session.Page;

        // when: the interviewer raises the level with a reason
        await page.GetByLabel("Level", new() { Exact = true }).SelectOptionAsync("senior");
        await page.GetByLabel("Reason (kept in the audit trail)").FillAsync("The delete bug is a one-line fix; design is senior.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set level" }).ClickAsync();

        // then: the verdict heads with the final level, and names the rubric's, who and why
        await Assertions.Expect(page.Locator("#final-level")).ToHaveTextAsync("senior");
        await Assertions.Expect(page.Locator("#rubric-level")).ToHaveTextAsync("engineer-ii");
        await Assertions.Expect(page.Locator("#override-note")).ToContainTextAsync("admin");
        await Assertions.Expect(page.Locator("#override-note")).ToContainTextAsync("one-line fix");

        // and: so does the report fetched on its own (what `assess report` writes)
        var html = await (await session.Requests.GetAsync($"/api/submissions/{submission}/report.html")).TextAsync();
        Assert.Contains("id=\"final-level\" data-level=\"senior\"", html, StringComparison.Ordinal);
        Assert.Contains("the rubric gave engineer-ii", html, StringComparison.Ordinal);

        // and: the audit trail shows the level before (the rubric's) and after, as readable JSON
        var row = page.Locator("#audit-trail tr", new() { HasText = "level.override" });
        await Assertions.Expect(row.Locator("td[data-label=Before]")).ToContainTextAsync("\"level\": \"engineer-ii\"");
        await Assertions.Expect(row.Locator("td[data-label=Before]")).ToContainTextAsync("\"setBy\": \"rubric\"");
        await Assertions.Expect(row.Locator("td[data-label=After]")).ToContainTextAsync("\"level\": \"senior\"");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await session.ScreenshotAsync($"verdict-overridden-{width}");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task A_build_failure_is_reported_once_with_its_log_not_under_every_criterion(int width)
    {
        var (_, submission) = await Candidates.WithUploadAsync(platform, $"Alan {width}");
        var report = InterviewerReports.BuildFailed();
        await StoredReports.FinishAsync(platform.Database, submission, report);
        await using var session = await platform.OpenAsync(width);
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);

        await session.GoAsync($"/api/submissions/{submission}/report.html");
        var page = session.Page;

        await Assertions.Expect(page.Locator("#failure-cause")).ToContainTextAsync("the image did not build");
        await Assertions.Expect(page.Locator("#not-evaluated")).ToContainTextAsync($"None of the {report.Criteria.Count} criteria");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.Equal(1, Occurrences(text, "error CS1002"));
        Assert.DoesNotContain("Why not higher", text, StringComparison.Ordinal);
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await session.ScreenshotAsync($"verdict-build-failed-{width}");
        session.AssertNoProblems();
    }

    [Fact]
    public void The_markdown_report_starts_with_the_same_verdict_and_the_failure_first()
    {
        var md = MarkdownReport.Render(InterviewerReports.EngineerII(), new Reporting.Summary.LevelOverride("senior", "Ada", "design is senior"));
        var verdict = md.IndexOf("**Final level: `senior`**", StringComparison.Ordinal);
        var failed = md.IndexOf("**2 criteria failed:**", StringComparison.Ordinal);
        var details = md.IndexOf("## Criteria", StringComparison.Ordinal);
        Assert.True(verdict > 0 && failed > verdict && details > failed, md[..Math.Min(md.Length, 2000)]);
        Assert.Contains("Set by Ada over the rubric's `engineer-ii`: “design is senior”", md, StringComparison.Ordinal);
        Assert.Contains($"(api-design, 0/10): {InterviewerReports.FailingReason}", md, StringComparison.Ordinal);
        Assert.Contains("❌ **failing:** body 'key' longer than 64: answered 204, expected a 4xx rejection (× 3, identical)", md, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
