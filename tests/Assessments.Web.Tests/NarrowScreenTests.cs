using Assessments.Client;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// Every page at a phone's width (400 px) and a desk's (1400 px): nothing pushes the page sideways
/// (wide tables scroll inside their own box or reflow), sign-out stays on screen, the audit trail's
/// JSON reads as indented lines.
/// </summary>
public sealed class NarrowScreenTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Theory]
    [InlineData(400)]
    [InlineData(1400)]
    public async Task Every_interviewer_page_fits_the_window_with_sign_out_on_screen(int width)
    {
        // given: a graded, overridden and annotated submission, and a calibration run with reports
        var (_, submission) = await Candidates.WithUploadAsync(platform, $"Katherine Johnson {width}");
        await StoredReports.FinishAsync(platform.Database, submission, InterviewerReports.EngineerII());
        await platform.Admin.OverrideLevelAsync(submission, new LevelOverrideRequest("senior", "A long reason that explains the override in a full sentence, as interviewers write them."));
        await platform.Admin.AddNoteAsync(submission, new NoteRequest("Discussed in the debrief."));
        var run = await platform.Admin.StartCalibrationAsync("api-design");
        foreach (var entry in run.Entries.Take(2))
        {
            await StoredReports.FinishAsync(platform.Database, entry.SubmissionId, StoredReports.Senior());
        }

        // One calibration per challenge may be under way at a time: the rest of this run is finished
        // afterwards, so the other width's case can start its own.
        try
        {
            await using var session = await platform.OpenAsync(width);
            await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);
            var pages = new (string Path, string Name)[]
            {
                ("/review", "review-list"),
                ("/review?level=senior&sort=score-desc", "review-list-filtered"),
                ($"/review/submissions/{submission}", "review-submission"),
                ("/calibration", "calibration-index"),
                ("/calibration/api-design", "calibration-dashboard"),
                ("/admin/webhooks", "admin-webhooks"),
            };
            foreach (var (path, name) in pages)
            {
                await session.GoAsync(path);
                await PageChecks.AssertNoHorizontalOverflowAsync(session.Page);
                await PageChecks.AssertSignOutOnScreenAsync(session.Page);
                await session.ScreenshotAsync($"narrow-{name}-{width}");
            }

            // and: the framed report itself fits (its competency bars no longer push the scores off)
            await session.GoAsync($"/review/submissions/{submission}/report");
            await PageChecks.AssertNoHorizontalOverflowAsync(session.Page);
            await session.GoAsync($"/api/submissions/{submission}/report.html");
            await PageChecks.AssertNoHorizontalOverflowAsync(session.Page);
            var scores = session.Page.Locator("#competencies td").Last;
            var box = await scores.BoundingBoxAsync();
            Assert.True(box!.X + box.Width <= width, $"the last competency score ends at {box.X + box.Width} px in a {width} px window");
            await session.ScreenshotAsync($"narrow-report-{width}");

            // and: the audit trail's JSON is indented, several characters to a line, not one
            await session.GoAsync($"/review/submissions/{submission}");
            var json = session.Page.Locator("#audit-trail tr", new() { HasText = "level.override" }).Locator("pre.json").First;
            await Assertions.Expect(json).ToContainTextAsync("\"level\": ");
            var lines = (await json.InnerTextAsync()).Split('\n');
            Assert.True(lines.Length >= 3 && lines.Max(l => l.Length) >= 12, $"audit JSON lines: {string.Join(" | ", lines)}");
            var jsonBox = await json.BoundingBoxAsync();
            Assert.True(jsonBox!.Width >= 150, $"the audit JSON is squeezed into {jsonBox.Width} px");
            session.AssertNoProblems();
        }
        finally
        {
            foreach (var entry in run.Entries.Skip(2))
            {
                await StoredReports.FinishAsync(platform.Database, entry.SubmissionId, StoredReports.Senior());
            }
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(1400)]
    public async Task The_candidate_pages_and_sign_in_fit_the_window(int width)
    {
        var (invitation, submission) = await Candidates.WithUploadAsync(platform, $"Grace Hopper {width}");
        await StoredReports.FinishAsync(platform.Database, submission, InterviewerReports.EngineerII());
        await using var anonymous = await platform.OpenAsync(width);
        await anonymous.GoAsync("/signin");
        await PageChecks.AssertNoHorizontalOverflowAsync(anonymous.Page);
        await anonymous.ScreenshotAsync($"narrow-signin-{width}");

        await using var candidate = await platform.OpenAsync(width);
        await candidate.GoAsync($"/invite/{invitation.Token}");
        await candidate.Page.ArrivedAtAsync("**/candidate");
        foreach (var (path, name) in new[] { ("/candidate", "candidate"), ($"/candidate/submissions/{submission}", "candidate-submission") })
        {
            await candidate.GoAsync(path);
            await PageChecks.AssertNoHorizontalOverflowAsync(candidate.Page);
            await PageChecks.AssertSignOutOnScreenAsync(candidate.Page);
            await candidate.ScreenshotAsync($"narrow-{name}-{width}");
        }

        // and: another candidate's link opened in this browser asks before it replaces the session
        var other = await platform.Admin.CreateInvitationAsync(new CreateInvitationRequest("api-design", $"Mary Jackson {width}"));
        await candidate.GoAsync($"/invite/{other.Token}");
        await Assertions.Expect(candidate.Page.Locator("#keep-session")).ToBeVisibleAsync();
        await PageChecks.AssertNoHorizontalOverflowAsync(candidate.Page);
        await candidate.ScreenshotAsync($"narrow-invite-switch-{width}");

        candidate.AssertNoProblems();
    }
}
