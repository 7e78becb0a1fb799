using System.IO.Compression;
using System.Text;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// The whole candidate journey in the browser with a real worker and grader: the invitation link,
/// the brief and starter kit, an upload with progress, the status updating until graded, the
/// candidate-visible feedback; then the interviewer reads the graded report, in which the service's
/// hostile output shows as text.
/// </summary>
public sealed class CandidateJourneyTests(GradingWebPlatform platform) : IClassFixture<GradingWebPlatform>
{
    [Fact]
    public async Task A_candidate_opens_the_invitation_uploads_and_sees_the_submission_graded()
    {
        var invitation = await Candidates.InviteAsync(platform, "Ada Lovelace");
        await using var candidate = await platform.OpenAsync();
        var page = candidate.Page;

        // when: the candidate follows the invitation link
        await candidate.GoAsync($"/invite/{invitation.Token}");
        await page.ArrivedAtAsync("**/candidate");

        // then: the token has left the address bar; the brief, the starter kit and the time window are there
        Assert.DoesNotContain(invitation.Token, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catalog API");
        Assert.True(await page.Locator(".brief h2, .brief h3").CountAsync() > 0, "the brief's headings rendered from Markdown");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("you can upload until");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the candidate kit (zip)" }).ClickAsync());
        Assert.Equal("api-design-kit.zip", download.SuggestedFilename);
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "api-design/starter/Dockerfile");
        }

        await candidate.ScreenshotAsync("candidate-landing");

        // when: the candidate uploads the starter, changed to print markup and escape codes when it starts
        // Kept in the tab's sessionStorage, which outlives the page: the last status is set just before the
        // page opens the status page, and a call out to the test from a page that is leaving can be lost.
        await page.EvaluateAsync("""
            () => new MutationObserver(() => {
                const seen = JSON.parse(sessionStorage.getItem('upload-statuses') || '[]');
                seen.push(document.getElementById('upload-status').textContent);
                sessionStorage.setItem('upload-statuses', JSON.stringify(seen));
              }).observe(document.getElementById('upload-status'), { childList: true, characterData: true, subtree: true })
            """);
        await page.GetByLabel("Your service as a .zip or .tar.gz").SetInputFilesAsync(new FilePayload
        {
            Name = "submission.zip",
            MimeType = "application/zip",
            Buffer = HostileStarter(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and grade" }).ClickAsync();
        try
        {
            await page.ArrivedAtAsync("**/candidate/submissions/*");
        }
        catch (TimeoutException)
        {
            // What the page told the candidate, so a failure here says whether the upload was refused, failed or never answered.
            Assert.Fail($"the upload did not open the status page; the page says '{await page.Locator("#upload-status").TextContentAsync()}' (seen: {string.Join(" | ", await UploadStatusesAsync(page))})");
        }

        // then: progress was shown, and the status page updates by itself until the grading is done
        var statuses = await UploadStatusesAsync(page);
        Assert.Contains(statuses, s => s.StartsWith("Uploading: ", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.StartsWith("Uploaded", StringComparison.Ordinal));
        var state = page.Locator("#grading-state");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-poll", new System.Text.RegularExpressions.Regex("/api/me/submissions/"));
        await candidate.ScreenshotAsync("candidate-status-waiting");
        await Assertions.Expect(state).ToHaveTextAsync("graded", new() { Timeout = 600_000 });

        // and: the candidate sees the published checks and a count of the hidden ones, not the level or score
        var feedback = page.GetByRole(AriaRole.Region, new() { Name = "Feedback" });
        await Assertions.Expect(feedback.GetByRole(AriaRole.Heading, new() { Name = "Published checks, failures first" })).ToBeVisibleAsync();
        await Assertions.Expect(feedback.GetByRole(AriaRole.Heading, new() { Name = "Hidden checks" })).ToBeVisibleAsync();
        await Assertions.Expect(feedback).Not.ToContainTextAsync("not-yet");
        await candidate.ScreenshotAsync("candidate-graded");
        var submission = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // and: back on their page, the starter alone in another language, for a candidate who writes Go
        await candidate.GoAsync("/candidate");
        var go = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Go", Exact = true }).ClickAsync());
        Assert.Equal("api-design-starter-go.zip", go.SuggestedFilename);
        using (var zip = ZipFile.OpenRead(await go.PathAsync()))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "main.go");
        }

        candidate.AssertNoProblems();

        // when: an interviewer opens the graded report
        await using var interviewer = await platform.OpenAsync();
        await interviewer.GoAsync("/signin");
        await interviewer.Page.GetByLabel("Access token").FillAsync(PlatformFactory.AdminToken);
        await interviewer.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await interviewer.Page.ArrivedAtAsync("**/review");
        await interviewer.GoAsync($"/review/submissions/{submission}");

        // then: the real report is there, and the service's output is text that never ran
        await Assertions.Expect(interviewer.Page.Locator("#rubric-level")).ToHaveTextAsync("not-yet");
        var report = interviewer.Page.FrameLocator("#report-frame");
        await Assertions.Expect(report.Locator("pre", new() { HasText = "<script>window.__xss=1</script>" }).First).ToBeVisibleAsync();
        Assert.Equal("undefined", await interviewer.Page.EvaluateAsync<string>(
            "() => typeof window.__xss + ',' + typeof document.getElementById('report-frame').contentWindow.__xss === 'undefined,undefined' ? 'undefined' : 'ran'"));
        await interviewer.ScreenshotAsync("review-real-report");
        interviewer.AssertNoProblems();
    }

    private static async Task<string[]> UploadStatusesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => JSON.parse(sessionStorage.getItem('upload-statuses') || '[]')");

    /// <summary>The challenge's starter kit as a zip, its service printing a hostile line at start-up.</summary>
    private static byte[] HostileStarter()
    {
        var starter = Path.Combine(RepositoryPaths.Challenges, "api-design", "starter");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(starter, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(starter, file).Replace('\\', '/');
                if (name.StartsWith("bin/", StringComparison.Ordinal) || name.StartsWith("obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                var content = File.ReadAllText(file);
                if (name == "Program.cs")
                {
                    content = content.Replace(
                        "var app = builder.Build();",
                        // Request logging off, so that the line is still in the log's tail after the load test.
                        "builder.Logging.SetMinimumLevel(LogLevel.Warning);\nvar app = builder.Build();\nConsole.WriteLine(\"\\u001b[31mERROR\\u001b[0m <script>window.__xss=1</script> <img src=x onerror=\\\"window.__xss=2\\\">\");",
                        StringComparison.Ordinal);
                }

                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
