using System.Text;
using System.Text.RegularExpressions;
using Assessments.Client;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Server.Challenges;
using Assessments.Similarity;
using Assessments.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// A flagged pair in the browser: the flag on the review list, the side-by-side page with the matching
/// lines of both submissions (encoded, readable at 1400 and 400 px), and an interviewer's review.
/// </summary>
public sealed class SimilarityPageTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Fact]
    public async Task An_interviewer_reads_a_flagged_pair_side_by_side_and_marks_it_copied_with_a_note()
    {
        // given: Ada's service, and Bob's disguised copy of it with a comment that tries to be markup
        var original = SyntheticSubmission.Generate(404, methods: 4);
        var ada = await SubmitAndIndexAsync("Ada Original", original);
        var copy = original.Select(f => f with { Path = $"src/{f.Path}", Text = "// <script>window.__xss=1</script>\n" + Disguise.Apply(f.Text, 11) }).ToList();
        var bob = await SubmitAndIndexAsync("Bob Copy", copy);
        var pair = Assert.Single(await platform.Admin.ListSimilarAsync(bob));
        await using var session = await platform.OpenAsync();
        var page = session.Page;
        await PageChecks.SignInAsync(session, PlatformFactory.AdminToken);

        // then: the review list flags both, and the submission page links to the pair
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bob Copy" })).ToContainTextAsync("similar: 1 to review");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Original" })).ToContainTextAsync("similar: 1 to review");
        await session.GoAsync($"/review/submissions/{ada}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bob Copy" }).ClickAsync();
        await page.ArrivedAtAsync($"**/review/similarity/{pair.Id}");

        // then: the pair side by side, regions with both files and lines, the comment shown as text
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ada Original and Bob Copy");
        Assert.Equal(pair.Regions.Count, await page.Locator(".side-by-side").CountAsync());
        await Assertions.Expect(page.Locator("#region-1 figcaption").First).ToContainTextAsync($"{pair.Regions[0].A.File} lines {pair.Regions[0].A.StartLine}");
        await Assertions.Expect(page.Locator("#region-1 figcaption").Nth(1)).ToContainTextAsync($"{pair.Regions[0].B.File} lines {pair.Regions[0].B.StartLine}");
        Assert.True(await page.Locator("#region-1 mark").CountAsync() >= 2, "highlighted lines");
        Assert.Null(await page.EvaluateAsync<int?>("window.__xss"));
        await page.SetViewportSizeAsync(1400, 900);
        await session.ScreenshotAsync("similarity-pair-1400");
        await page.SetViewportSizeAsync(400, 900);
        await session.ScreenshotAsync("similarity-pair-400");
        // The page's own content stays within 400 px (code scrolls inside its box); the shared header is the layout's business.
        var past = await page.EvaluateAsync<string>("[...document.querySelectorAll('#main *')].filter(e => e.getBoundingClientRect().right > 401 && !e.closest('pre')).map(e => e.tagName + '.' + e.className).slice(0, 5).join(', ')");
        Assert.True(past.Length == 0, $"content past the right edge at 400 px: {past}");
        await page.SetViewportSizeAsync(1400, 900);

        // when: the interviewer marks it copied with a note; then the page and the API say so, audited
        await page.GetByLabel("Conclusion").SelectOptionAsync("copied");
        await page.GetByLabel("Note (why; kept in the audit trail)").FillAsync("Same structure line for line; Bob could not explain the store.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pair-review")).ToContainTextAsync(new Regex("reviewed: copied.*could not explain"));
        var reviewed = Assert.Single(await platform.Admin.ListSimilarAsync(ada));
        Assert.Equal(PairReviews.Copied, reviewed.Review);
        Assert.Contains(await platform.Admin.ListAuditAsync(), e => e.Action == "similarity.review");
        session.AssertNoProblems();
    }

    private async Task<Guid> SubmitAndIndexAsync(string name, IReadOnlyList<Assessments.Insight.Sources.SourceFile> files)
    {
        var invitation = await Candidates.InviteAsync(platform, name);
        var archive = Archives.Zip([("Dockerfile", Archives.Dockerfile), .. files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text)))]);
        using var body = new MemoryStream(archive);
        var id = (await AssessmentsClient.Create(platform.BaseAddress, invitation.Token).UploadSubmissionAsync(body)).Id;
        await FinishedGradings.StoreAsync(platform.Database, id);

        var services = platform.Factory.Services;
        await services.GetRequiredService<CohortSimilarity>().IndexSubmissionAsync(
            services.GetRequiredService<ChallengeCatalog>().Find("api-design")!, id, SubmissionSources.FromArchive(archive), CancellationToken.None);
        return id;
    }
}
