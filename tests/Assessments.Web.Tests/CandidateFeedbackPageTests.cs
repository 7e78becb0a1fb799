using System.IO.Compression;
using Assessments.Domain.Reports;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// What a candidate reads on their pages, on a report stored as a worker stores it: the kit to
/// download, feedback they can act on (failures first with request, response and curl; the visible
/// points; hidden checks only as areas), which upload counts, and a refused file named as they chose it.
/// </summary>
public sealed class CandidateFeedbackPageTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Fact]
    public async Task A_candidate_sees_failed_checks_first_with_their_exchanges_the_visible_points_and_hidden_areas_only()
    {
        // given: a graded report in which a published check and a hidden one failed
        var (invitation, submission) = await Candidates.WithUploadAsync(platform, "Ada Lovelace");
        await StoredReports.FinishAsync(platform.Database, submission, WithFailures(StoredReports.Senior()));
        await using var candidate = await platform.OpenAsync();
        var page = candidate.Page;
        await candidate.GoAsync($"/invite/{invitation.Token}");
        await page.ArrivedAtAsync("**/candidate");

        // when: the candidate opens the feedback
        await candidate.GoAsync($"/candidate/submissions/{submission}");
        var feedback = page.GetByRole(AriaRole.Region, new() { Name = "Feedback" });

        // then: the failed published check comes first, open, with its request, response and curl
        var first = feedback.Locator("details.check").First;
        await Assertions.Expect(first).ToContainTextAsync("failed");
        await Assertions.Expect(first).ToContainTextAsync("create-product");
        await Assertions.Expect(first.Locator("pre[aria-label=request]")).ToContainTextAsync("POST http://localhost:8080/products");
        await Assertions.Expect(first.Locator("pre[aria-label=response]")).ToContainTextAsync("500");
        await Assertions.Expect(first.Locator("pre[aria-label=curl]")).ToContainTextAsync("curl -i -X POST");
        await Assertions.Expect(feedback.Locator("#visible-points")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of \d+ points$"));
        await Assertions.Expect(feedback.Locator(".areas")).ToContainTextAsync("resilience: 1 of");
        await Assertions.Expect(feedback).Not.ToContainTextAsync("idempotent-create");
        await Assertions.Expect(feedback).Not.ToContainTextAsync("senior");
        await page.SetViewportSizeAsync(1400, 900);
        await candidate.ScreenshotAsync("candidate-feedback-1400");
        await page.SetViewportSizeAsync(400, 900);
        await candidate.ScreenshotAsync("candidate-feedback-400");

        // and: the landing page offers the kit and says which upload counts
        await candidate.GoAsync("/candidate");
        await Assertions.Expect(page.Locator("strong.counts")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the candidate kit (zip)" }).ClickAsync());
        Assert.Equal("api-design-kit.zip", download.SuggestedFilename);
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("api-design/README.md", names);
            Assert.Contains("api-design/openapi.yaml", names);
            Assert.Contains("api-design/starter/Dockerfile", names);
            Assert.Contains("api-design/CHECKS.md", names);
        }

        await page.SetViewportSizeAsync(1400, 900);
        await candidate.ScreenshotAsync("candidate-landing-1400");
        await page.SetViewportSizeAsync(400, 900);
        await candidate.ScreenshotAsync("candidate-landing-400");

        // and: a file that is not an archive is refused by its own name
        await page.GetByLabel("Your service as a .zip or .tar.gz").SetInputFilesAsync(new FilePayload { Name = "my-notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and grade" }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("\"my-notes.txt\" is not a .zip or .tar.gz archive");
        candidate.AssertNoProblems();
    }

    private static GradingReport WithFailures(GradingReport report)
    {
        var exchange = new HttpExchange(
            new HttpRequestRecord("POST", "http://localhost:8080/products", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{\"sku\":\"LAMP-1\"}"),
            new HttpResponseRecord(500, new Dictionary<string, string> { ["Content-Type"] = "text/plain" }, "boom", false),
            12,
            null,
            "curl -i -X POST 'http://localhost:8080/products' -H 'Content-Type: application/json' --data '{\"sku\":\"LAMP-1\"}'");
        var checks = report.Contract.Checks.Select(c => c.Id switch
        {
            "create-product" => c with { Passed = false, Summary = "step 1: expected 201, got 500", Evidence = [Evidence.Of(exchange, "step 1: expected 201, got 500")] },
            "idempotent-create" => c with { Passed = false, Summary = "a second product was created" },
            _ => c,
        }).ToList();
        return report with { Contract = report.Contract with { Checks = checks } };
    }
}
