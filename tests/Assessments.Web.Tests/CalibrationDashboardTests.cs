using Assessments.Client;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>The hiring team's calibration dashboard in the browser, on gradings stored as a worker stores them.</summary>
public sealed class CalibrationDashboardTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Fact]
    public async Task The_dashboard_shows_expected_against_given_levels_rubric_versions_distributions_and_kappa()
    {
        // given: a calibration run whose senior reference grades senior and whose junior reference grades not-yet
        var run = await platform.Admin.StartCalibrationAsync("api-design");
        foreach (var entry in run.Entries)
        {
            var given = entry.ExpectedLevel == "senior" ? Level.Senior : Level.NotYet;
            await StoredReports.FinishAsync(platform.Database, entry.SubmissionId, FakeReports.With(ReportStatus.Graded, given, given == Level.Senior ? 95 : 35));
        }

        // and: two reviewed candidates, one where the interviewer agreed (a note) and one overridden
        var (_, agreed) = await Candidates.WithUploadAsync(platform, "Grace");
        await StoredReports.FinishAsync(platform.Database, agreed, FakeReports.With(ReportStatus.Graded, Level.Junior, 55));
        await platform.Admin.AddNoteAsync(agreed, new NoteRequest("Agree with junior."));
        var (_, overridden) = await Candidates.WithUploadAsync(platform, "Linus");
        await StoredReports.FinishAsync(platform.Database, overridden, FakeReports.With(ReportStatus.Graded, Level.Senior, 90));
        await platform.Admin.OverrideLevelAsync(overridden, new LevelOverrideRequest("engineer-ii", "Design review was weaker than the score."));

        // when: the hiring team opens the dashboard from the calibration index
        await using var session = await platform.OpenAsync();
        await session.GoAsync("/signin");
        await session.Page.GetByLabel("Access token").FillAsync(PlatformFactory.AdminToken);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await session.Page.ArrivedAtAsync("**/review");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Calibration" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Catalog API" }).ClickAsync();
        await session.Page.ArrivedAtAsync("**/calibration/api-design");

        // then: the confusion matrix puts the senior references (C# and Go) on the diagonal and the junior one below it
        var matrix = session.Page.Locator("#confusion-matrix");
        await Assertions.Expect(matrix).ToBeVisibleAsync();
        var seniors = run.Entries.Count(e => e.ExpectedLevel == "senior");
        Assert.Equal(2, seniors);
        Assert.Equal(["0", "0", "0", "2"], await CellsAsync(matrix, "senior"));
        Assert.Equal(["1", "0", "0", "0"], await CellsAsync(matrix, "junior"));
        Assert.Equal(run.Entries.Select(e => e.ExpectedLevel).Distinct().Count(), await matrix.Locator("td:not(.zero)").CountAsync());

        // and: rubric versions, one histogram per level, and kappa over the reviewed submissions
        await Assertions.Expect(session.Page.Locator("#rubric-versions")).ToContainTextAsync("first version seen");
        Assert.Equal(4, await session.Page.Locator("svg.histogram").CountAsync());
        // Two reviewed submissions are too few for kappa (0.33 here: p_o = 1/2, p_e = 1/4): the page says so, with n.
        Assert.Equal("not enough data", await session.Page.Locator("#kappa").InnerTextAsync());
        await Assertions.Expect(session.Page.Locator("#kappa-sample")).ToContainTextAsync("n = 2");
        Assert.Equal(["0", "1", "0", "0"], await CellsAsync(session.Page.Locator("#agreement-matrix"), "junior"));
        Assert.Equal(["0", "0", "1", "0"], await CellsAsync(session.Page.Locator("#agreement-matrix"), "senior"));
        await session.ScreenshotAsync("calibration-dashboard");
        session.AssertNoProblems();
    }

    private static async Task<string[]> CellsAsync(ILocator table, string rowLevel) =>
        (await table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = rowLevel, Exact = true }) })
            .Locator("td").AllInnerTextsAsync()).ToArray();
}
