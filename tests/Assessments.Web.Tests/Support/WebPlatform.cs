using System.Diagnostics;
using Assessments.Client;
using Microsoft.Playwright;

namespace Assessments.Web.Tests.Support;

/// <summary>
/// The real server on 127.0.0.1 (Kestrel, its own PostgreSQL database) and a headless Chromium from
/// Debian's package; with <see cref="RunsWorker"/>, a real worker host grading on the Docker engine.
/// </summary>
public class WebPlatform : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private Process? _worker;
    private string? _challenges;

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IAssessmentsApi Admin => AssessmentsClient.Create(BaseAddress, PlatformFactory.AdminToken);

    protected virtual bool RunsWorker => false;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(GetType().Name);
        Factory = new PlatformFactory(Database);
        BaseAddress = Factory.StartOnLoopback();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        if (RunsWorker)
        {
            _worker = StartWorker();
        }
    }

    public async Task<BrowserSession> OpenAsync() => await BrowserSession.OpenAsync(Browser, BaseAddress);

    /// <summary>A session with a window this many pixels wide (1400 for a desk, 400 for a phone).</summary>
    public async Task<BrowserSession> OpenAsync(int width) => await BrowserSession.OpenAsync(Browser, BaseAddress, width);

    private Process StartWorker()
    {
        var log = Path.Combine(Path.GetDirectoryName(Screenshots.Folder)!, $"worker-{GetType().Name}.log");
        // Output goes to a file (kept as a test artifact): a pipe nobody reads would stall the worker.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", "exec dotnet \"$0\" >\"$1\" 2>&1", RepositoryPaths.WorkerDll, log })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Assessments"] = Database.ConnectionString;
        // Without api-design's load profile: the pages are under test here, not the load generator, whose
        // self-check rightly calls a run on a busy machine a platform fault (the test command runs these
        // tests beside others; the load is graded by the calibration tests, alone).
        _challenges = RepositoryPaths.ChallengesWithoutLoadProfile();
        start.Environment["Worker__ChallengesPath"] = _challenges;
        start.Environment["Worker__WorkerId"] = $"web-tests-{Environment.ProcessId}";
        start.Environment["Worker__PollSeconds"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("the worker host did not start");
    }

    public async Task DisposeAsync()
    {
        if (_worker is { HasExited: false })
        {
            _worker.Kill(entireProcessTree: true);
            await _worker.WaitForExitAsync();
        }

        _worker?.Dispose();
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        if (_challenges is not null)
        {
            Directory.Delete(_challenges, recursive: true);
        }
    }
}

/// <summary>The same platform with a real worker host grading uploads.</summary>
public sealed class GradingWebPlatform : WebPlatform
{
    protected override bool RunsWorker => true;
}
