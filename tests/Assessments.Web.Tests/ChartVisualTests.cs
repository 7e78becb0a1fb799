using Assessments.Reporting;
using Assessments.Web.Tests.Support;
using Microsoft.Playwright;

namespace Assessments.Web.Tests;

/// <summary>
/// The report's load charts, drawn from a committed report (Fixtures/chart-report.json), read as a
/// person needs them (issue 21, point 3) and look as the committed images do, within a tolerance:
/// a chart that breaks is seen. ASSESSMENTS_UPDATE_SCREENSHOTS=1 rewrites the images after a deliberate change.
/// </summary>
public sealed class ChartVisualTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    /// <summary>Share of pixels allowed to differ (anti-aliasing, font hinting), and by how much a channel may move.</summary>
    private const double Tolerance = 0.01;

    [Theory]
    [InlineData(1400)]
    [InlineData(400)]
    public async Task The_load_charts_have_axes_units_labelled_lines_and_look_as_committed(int width)
    {
        var report = ReportJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "chart-report.json")));
        await using var session = await platform.OpenAsync(width);
        var page = session.Page;
        await page.SetContentAsync(HtmlReport.Render(report));
        var load = page.Locator("section.load-result");

        // then: the target is the service, never an internal address; rates read as percentages
        await Assertions.Expect(load.Locator("h3")).ToContainTextAsync("/products?limit=20 on the submitted service");
        var text = await load.InnerTextAsync() + await page.Locator("section.load-result ~ ul").First.InnerTextAsync();
        Assert.DoesNotContain("172.22.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ratio", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`", text, StringComparison.Ordinal);
        await Assertions.Expect(load.Locator("td", new() { HasText = "%" }).First).ToBeVisibleAsync();

        // and: the latency chart has both axes with units, the warm-up named, threshold and reference drawn
        var latency = load.Locator("svg").First;
        foreach (var label in new[] { "seconds since the start of the run", "warm-up (excluded)", "p99 threshold 6.2 ms", "senior reference p99 3.1 ms", "ms" })
        {
            await Assertions.Expect(latency.Locator("text", new() { HasTextString = label }).First).ToBeAttachedAsync();
        }

        Assert.True(await latency.Locator("text").CountAsync() > 15, "tick labels on both axes");

        // and: no legend entry overlaps the title or another entry
        var boxes = await latency.Locator("text").EvaluateAllAsync<double[][]>(
            "texts => texts.slice(0, 12).map(t => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })");
        var title = boxes[0];
        foreach (var box in boxes.Skip(1).Where(b => b[1] < 45))
        {
            Assert.False(Overlap(title, box), $"a legend entry at {string.Join(",", box)} overlaps the title");
        }

        // and: the section looks as committed
        var actual = await load.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"load-charts-{width}.png") });
        var expectedPath = Path.Combine(RepositoryPaths.Root, "tests", "Assessments.Web.Tests", "Visual", $"load-charts-{width}.png");
        if (Environment.GetEnvironmentVariable("ASSESSMENTS_UPDATE_SCREENSHOTS") == "1")
        {
            await File.WriteAllBytesAsync(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"no committed image {expectedPath}: run with ASSESSMENTS_UPDATE_SCREENSHOTS=1 and look at it");
        var difference = await DifferenceAsync(page, await File.ReadAllBytesAsync(expectedPath), actual);
        Assert.True(difference <= Tolerance, $"the load charts differ from {expectedPath} in {difference:P2} of their pixels (see out/screenshots/load-charts-{width}.png)");
        session.AssertNoProblems();
    }

    private static bool Overlap(double[] a, double[] b) =>
        a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

    /// <summary>The share of pixels that differ noticeably, compared in the browser's own canvas (1 when the sizes differ).</summary>
    private static async Task<double> DifferenceAsync(IPage page, byte[] expected, byte[] actual) =>
        await page.EvaluateAsync<double>("""
            async ([a, b]) => {
              const load = (src) => new Promise((resolve, reject) => { const i = new Image(); i.onload = () => resolve(i); i.onerror = reject; i.src = src; });
              const [x, y] = await Promise.all([load(a), load(b)]);
              if (x.width !== y.width || x.height !== y.height) return 1;
              const pixels = (img) => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height).data; };
              const p = pixels(x), q = pixels(y);
              let differing = 0;
              for (let i = 0; i < p.length; i += 4) {
                if (Math.abs(p[i] - q[i]) > 40 || Math.abs(p[i + 1] - q[i + 1]) > 40 || Math.abs(p[i + 2] - q[i + 2]) > 40) differing++;
              }
              return differing / (p.length / 4);
            }
            """, new[] { "data:image/png;base64," + Convert.ToBase64String(expected), "data:image/png;base64," + Convert.ToBase64String(actual) });
}
