using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Platform.Database;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// The calibration dashboard tells the truth (issue 21, point 4): every reference of the run with its
/// state, the one the platform gave up on with its reason and a retry, the run's progress while it
/// grades, and agreement statistics that say their sample size.
/// </summary>
public sealed class CalibrationTruthTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task A_reference_the_platform_gave_up_on_stays_on_the_dashboard_with_its_reason_and_a_retry(int width)
    {
        // given: a run in which two references graded, one was dead-lettered and one still waits
        var challenge = width == 400 ? "caching" : "queues";
        var run = await platform.Admin.StartCalibrationAsync(challenge);
        var entries = run.Entries.OrderBy(e => e.Reference, StringComparer.Ordinal).ToList();
        foreach (var entry in entries.Take(2))
        {
            var level = LevelNames.TryParse(entry.ExpectedLevel, out var l) ? l : Level.NotYet;
            await StoredReports.FinishAsync(platform.Database, entry.SubmissionId, FakeReports.With(ReportStatus.Graded, level, 70) with { Challenge = new ChallengeRef(challenge, "1", challenge) });
        }

        await GiveUpAsync(entries[2].SubmissionId, "the Docker engine stopped answering (attempt 3 of 3)");
        await using var session = await platform.OpenAsync(width);
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);

        // when: the hiring team opens the dashboard
        await session.GoAsync($"/calibration/{challenge}");
        var page = session.Page;

        // then: the summary counts every reference, the given-up one included, and says what is still running
        var summary = page.Locator("#calibration-summary");
        await Assertions.Expect(summary).ToContainTextAsync($"{entries.Count} reference solutions; 2 graded, 2 of them at their expected level");
        await Assertions.Expect(summary).ToContainTextAsync("1 given up by the platform");
        await Assertions.Expect(summary).ToContainTextAsync($"{entries.Count - 3} still queued or grading");
        var rows = page.Locator("#references tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(entries.Count);
        var givenUp = page.Locator("#references tr[data-state=failed]");
        await Assertions.Expect(givenUp).ToContainTextAsync("given up");
        await Assertions.Expect(givenUp).ToContainTextAsync("the Docker engine stopped answering");
        await Assertions.Expect(page.Locator("#references tr[data-state=queued]").First).ToContainTextAsync("queued");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await session.ScreenshotAsync($"calibration-given-up-{width}");

        // when: an admin retries it
        await givenUp.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        // then: it is queued again, and nothing is given up any more
        await Assertions.Expect(page.Locator("#references tr[data-state=failed]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#references tr[data-state=queued]", new() { HasText = entries[2].Reference })).ToContainTextAsync("queued");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task The_run_button_shows_progress_until_the_run_is_done_and_kappa_says_its_sample_size(int width)
    {
        // given: one reviewed candidate: too few to say anything about agreement
        var (_, reviewed) = await Candidates.WithUploadAsync(platform, $"Reviewed {width}");
        await StoredReports.FinishAsync(platform.Database, reviewed, FakeReports.With(ReportStatus.Graded, Level.Junior, 55));
        await platform.Admin.AddNoteAsync(reviewed, new Client.NoteRequest("Agree."));
        await using var session = await platform.OpenAsync(width);
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);
        await session.GoAsync("/calibration/api-design");
        var page = session.Page;
        await Assertions.Expect(page.Locator("#kappa")).ToHaveTextAsync("not enough data");
        await Assertions.Expect(page.Locator("#kappa-sample")).ToContainTextAsync("n = ");

        // when: the run button is pressed
        await page.GetByRole(AriaRole.Button, new() { Name = "Grade the calibration set again" }).ClickAsync();

        // then: the page shows the new run in progress, and counts references as they finish
        var progress = page.Locator("#calibration-summary [data-progress]");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        var latest = (await platform.Admin.ListSubmissionsAsync(challenge: "api-design")).Where(s => s.Kind == "calibration" && s.State == "queued").ToList();
        Assert.NotEmpty(latest);
        await StoredReports.FinishAsync(platform.Database, latest[0].Id, FakeReports.With(ReportStatus.Graded, Level.Senior, 90));
        await Assertions.Expect(progress).ToContainTextAsync($"1 of {latest.Count} done", new() { Timeout = 15_000 });
        await session.ScreenshotAsync($"calibration-progress-{width}");

        // and: once every reference is done the page reloads by itself without the progress line
        foreach (var s in latest.Skip(1))
        {
            await StoredReports.FinishAsync(platform.Database, s.Id, FakeReports.With(ReportStatus.Graded, Level.Junior, 50));
        }

        await Assertions.Expect(page.Locator("#calibration-summary [data-progress]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#calibration-summary")).ToContainTextAsync($"{latest.Count} graded");

        // and: the histograms have a y axis of counts and the counts written on the bars
        var histogram = page.Locator("svg.histogram").Last;
        await Assertions.Expect(histogram.Locator("text", new() { HasText = "y: submissions" })).ToHaveCountAsync(1);
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await session.ScreenshotAsync($"calibration-done-{width}");
        session.AssertNoProblems();
    }

    private async Task GiveUpAsync(Guid submissionId, string reason)
    {
        await using var command = platform.Database.DataSource.CreateCommand("""
            update grading_jobs set state = 'failed', attempt = max_attempts, last_error = $2, finished_at = now() where submission_id = $1
            """).With(submissionId, reason);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
