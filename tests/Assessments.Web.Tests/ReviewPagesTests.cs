using System.Text.RegularExpressions;
using Assessments.Domain.Reports;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// An interviewer's pages in the browser, on reports stored as a worker stores them (the fast path):
/// sign in, find the submission, read the report with its charts and evidence, override the level
/// with a reason and see it in the audit trail; hostile log text stays text.
/// </summary>
public sealed class ReviewPagesTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Fact]
    public async Task An_interviewer_reads_the_report_with_charts_and_evidence_and_overrides_the_level_with_a_reason()
    {
        // given: Ada's submission graded senior by the real grader's report
        var (_, submission) = await Candidates.WithUploadAsync(platform, "Ada Lovelace");
        await StoredReports.FinishAsync(platform.Database, submission, StoredReports.Senior());
        await using var session = await platform.OpenAsync();
        var page = session.Page;

        // when: the interviewer signs in with the keyboard and filters the list to senior, best score first
        await session.GoAsync("/signin");
        await page.GetByLabel("Access token").FillAsync(PlatformFactory.AdminToken);
        await page.GetByLabel("Access token").PressAsync("Enter");
        await page.ArrivedAtAsync("**/review");
        await page.GetByLabel("Level").SelectOptionAsync("senior");
        await page.GetByLabel("Sort by").SelectOptionAsync("score-desc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("level=senior"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Lovelace" });
        await Assertions.Expect(row).ToContainTextAsync("100");
        await session.ScreenshotAsync("review-list");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.ArrivedAtAsync($"**/review/submissions/{submission}");

        // then: the report shows level, competency bars, evidence with curl, and the load charts
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ada Lovelace");
        await Assertions.Expect(page.Locator("#rubric-level")).ToHaveTextAsync("senior");
        var report = page.FrameLocator("#report-frame");
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Competencies" })).ToBeVisibleAsync();
        Assert.True(await report.Locator(".bar[role=img]").CountAsync() > 0, "competency bars");
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Under load" })).ToBeVisibleAsync();
        Assert.True(await report.Locator("svg").CountAsync() >= 2, "latency and throughput charts");
        Assert.True(await report.Locator("pre", new() { HasText = "curl " }).CountAsync() > 0, "curl commands in the evidence");
        Assert.True(await report.Locator("details").CountAsync() > 5, "criteria with their evidence");
        await session.ScreenshotAsync("review-report");

        // when: the level is overridden with a reason and a note is left
        await page.GetByLabel("Level", new() { Exact = true }).SelectOptionAsync("engineer-ii");
        await page.GetByLabel("Reason (kept in the audit trail)").FillAsync("Strong API, but the load test margin is thin for senior.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set level" }).ClickAsync();
        await Assertions.Expect(page.Locator("#final-level")).ToHaveTextAsync("engineer-ii");
        await page.GetByLabel("Add a note").FillAsync("Discussed in the debrief <b>not bold</b>.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notes")).ToContainTextAsync("<b>not bold</b>");

        // then: the audit trail shows the override with its reason, and the note
        var audit = page.Locator("#audit-trail");
        await Assertions.Expect(audit.GetByRole(AriaRole.Row).Filter(new() { HasText = "level.override" })).ToContainTextAsync("load test margin is thin");
        await Assertions.Expect(audit).ToContainTextAsync("note.add");
        await Assertions.Expect(audit).ToContainTextAsync("admin:admin");
        await session.ScreenshotAsync("review-overridden");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Logs_with_script_tags_and_ANSI_escapes_render_as_text_and_no_script_runs()
    {
        // given: a report whose service log and failure log carry markup and escape codes
        var (invitation, submission) = await Candidates.WithUploadAsync(platform, "Mallory <script>window.__xss=3</script>");
        var hostile = StoredReports.Senior() with
        {
            ServiceLogTail = StoredReports.HostileLog,
            Failure = new Failure("start", "crashed", "exited \u001b[1m<script>window.__xss=4</script>", 1, StoredReports.HostileLog),
        };
        await StoredReports.FinishAsync(platform.Database, submission, hostile);

        // when: the interviewer opens the review page
        await using var interviewer = await platform.OpenAsync();
        await SignInAsync(interviewer);
        await interviewer.GoAsync($"/review/submissions/{submission}");
        var report = interviewer.Page.FrameLocator("#report-frame");
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Service log (tail)" })).ToBeVisibleAsync();

        // then: the markup is visible as text, the escape codes are gone, and nothing ran
        await Assertions.Expect(report.Locator("pre", new() { HasText = "<script>window.__xss=1</script>" }).First).ToBeVisibleAsync();
        await Assertions.Expect(interviewer.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("<script>window.__xss=3</script>");
        var state = await interviewer.Page.EvaluateAsync<string>("""
            () => {
              const frame = document.getElementById('report-frame').contentDocument;
              return JSON.stringify({
                page: typeof window.__xss, frame: typeof document.getElementById('report-frame').contentWindow.__xss,
                scripts: frame.querySelectorAll('script').length, images: frame.querySelectorAll('img').length,
                escapes: frame.body.innerText.includes('\u001b') || frame.body.innerText.includes('[31m'),
              });
            }
            """);
        Assert.Equal("""{"page":"undefined","frame":"undefined","scripts":0,"images":0,"escapes":false}""", state);
        await interviewer.ScreenshotAsync("review-hostile-logs");
        interviewer.AssertNoProblems();

        // and: the candidate's own feedback shows the failure's log as text too
        await using var candidate = await platform.OpenAsync();
        await candidate.GoAsync($"/invite/{invitation.Token}");
        await candidate.Page.ArrivedAtAsync("**/candidate");
        await candidate.GoAsync($"/candidate/submissions/{submission}");
        await Assertions.Expect(candidate.Page.Locator("pre.log")).ToContainTextAsync("<script>window.__xss=1</script>");
        Assert.Equal("undefined", await candidate.Page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.DoesNotContain("\u001b", await candidate.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await candidate.ScreenshotAsync("candidate-hostile-feedback");
        candidate.AssertNoProblems();
    }

    [Fact]
    public async Task Pages_refuse_whom_the_API_refuses()
    {
        var (ada, adaSubmission) = await Candidates.WithUploadAsync(platform, "Ada");
        var bob = await Candidates.InviteAsync(platform, "Bob");
        await using var anonymous = await platform.OpenAsync();
        await using var bobSession = await platform.OpenAsync();

        // anonymous: sent to sign in, on every kind of page
        foreach (var path in new[] { "/review", "/calibration/api-design", "/candidate", $"/review/submissions/{adaSubmission}" })
        {
            var response = await anonymous.Requests.GetAsync(path, new() { MaxRedirects = 0 });
            Assert.Equal(302, response.Status);
            Assert.StartsWith("/signin?returnUrl=", response.Headers["location"], StringComparison.Ordinal);
        }

        // an unknown or revoked invitation is refused
        Assert.Equal(401, (await anonymous.Requests.GetAsync("/invite/not-a-real-token")).Status);
        var rita = await Candidates.InviteAsync(platform, "Revoked Rita");
        await platform.Admin.RevokeInvitationAsync(rita.Id);
        Assert.Equal(401, (await anonymous.Requests.GetAsync($"/invite/{rita.Token}")).Status);

        // a candidate: another candidate's submission does not exist, interviewer pages are forbidden
        var landing = await bobSession.GoAsync($"/invite/{bob.Token}");
        Assert.Contains("script-src 'self'", landing.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("no-referrer", landing.Headers["referrer-policy"]);
        await bobSession.Page.ArrivedAtAsync("**/candidate");
        Assert.DoesNotContain(bob.Token, bobSession.Page.Url, StringComparison.Ordinal);
        Assert.Equal(404, (await bobSession.Requests.GetAsync($"/candidate/submissions/{adaSubmission}")).Status);
        Assert.Equal(404, (await bobSession.Requests.GetAsync($"/api/me/submissions/{adaSubmission}")).Status);
        Assert.Equal(403, (await bobSession.Requests.GetAsync("/review")).Status);
        Assert.Equal(403, (await bobSession.Requests.GetAsync("/calibration/api-design")).Status);
        Assert.Equal(403, (await bobSession.Requests.GetAsync($"/review/submissions/{adaSubmission}/report")).Status);

        // the session cookie is HttpOnly and SameSite=Strict, and a change from another origin is refused
        var cookie = (await bobSession.Page.Context.CookiesAsync()).Single(c => c.Name == "assess_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        var forged = await bobSession.Requests.PostAsync("/api/me/submissions", new()
        {
            Headers = new Dictionary<string, string> { ["Origin"] = "http://evil.example", ["Content-Type"] = "application/octet-stream" },
            DataByte = Archives.Zip(("Dockerfile", Archives.Dockerfile)),
        });
        Assert.Equal(403, forged.Status);
        Assert.Single(await platform.Admin.ListSubmissionsAsync(challenge: ada.ChallengeId), s => s.CandidateName == "Ada");
    }

    private static async Task SignInAsync(BrowserSession session)
    {
        await session.GoAsync("/signin");
        await session.Page.GetByLabel("Access token").FillAsync(PlatformFactory.AdminToken);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await session.Page.ArrivedAtAsync("**/review");
    }
}
