using Microsoft.Playwright;

namespace Assessments.Web.Tests.Support;

/// <summary>What every page must hold at any width: nothing pushes it sideways, and sign-out stays on screen.</summary>
public static class PageChecks
{
    /// <summary>The page is no wider than the window (a wide table scrolls inside its own box instead).</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var (scroll, client) = await WidthsAsync(page);
        if (scroll > client)
        {
            var culprits = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                    || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0))
                  .filter(e => !e.closest('.scroll'))
                  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''}`).join(', ')
                """);
            Assert.Fail($"{page.Url} is {scroll} px wide in a {client} px window; too wide: {culprits}");
        }
    }

    public static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The sign-out button is visible and wholly inside the window.</summary>
    public static async Task AssertSignOutOnScreenAsync(IPage page)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        var box = await button.BoundingBoxAsync() ?? throw new InvalidOperationException("no box for Sign out");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"Sign out spans {box.X}–{box.X + box.Width} px in a {width} px window on {page.Url}");
    }

    /// <summary>
    /// Waits until the page is at <paramref name="url"/> (a glob) with its document parsed, not for its
    /// load event: on a busy host a page that was plainly there, and said so, kept its load event from
    /// being seen for 90 s (twice in eight clean-clone runs); what the tests use next is in the document.
    /// </summary>
    public static Task ArrivedAtAsync(this IPage page, string url) =>
        page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <inheritdoc cref="ArrivedAtAsync(IPage, string)"/>
    public static Task ArrivedAtAsync(this IPage page, System.Text.RegularExpressions.Regex url) =>
        page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });

    public static async Task SignInAsync(BrowserSession session, string token)
    {
        await session.GoAsync("/signin");
        await session.Page.GetByLabel("Access token").FillAsync(token);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await session.Page.ArrivedAtAsync("**/review");
        }
        catch (TimeoutException)
        {
            // Where it stayed and what it said, so that a failure here tells a refused token from a server that never answered.
            Assert.Fail($"signing in did not open /review: the page is {session.Page.Url}, saying '{await session.Page.Locator("main").TextContentAsync(new() { Timeout = 5_000 })}'");
        }
    }
}
