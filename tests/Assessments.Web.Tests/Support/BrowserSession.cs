using Microsoft.Playwright;

namespace Assessments.Web.Tests.Support;

/// <summary>
/// One browser context (its own cookies) with a page that records every console error, uncaught
/// exception and dialog, so that a test can insist that none happened.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"uncaught error on {page.Url}: {error}");
        page.Dialog += async (_, dialog) =>
        {
            Problems.Add($"dialog on {page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public IAPIRequestContext Requests => _context.APIRequest;

    public List<string> Problems { get; } = [];

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress, int width = 1280)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = width, Height = width < 800 ? 860 : 900 },
        });
        // These tests run beside Docker builds on a saturated host (scripts/test.sh, phase 1): a fresh
        // server's first pages may take longer than Playwright's 30 s default without anything being wrong.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task<IResponse> GoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        return response;
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, $"{name}.png"), FullPage = true });

    /// <summary>No console error, no uncaught exception, no dialog on any page this session opened.</summary>
    public void AssertNoProblems() => Assert.Empty(Problems);

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

/// <summary>Where screenshots go: out/screenshots at the repository root (git-ignored), kept as test artifacts.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(RepositoryPaths.Root, "out", "screenshots")).FullName;
}
