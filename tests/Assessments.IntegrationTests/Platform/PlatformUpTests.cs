using System.Net;
using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace Assessments.IntegrationTests.Platform;

/// <summary>
/// What <c>make up</c> runs (scripts/platform-up.sh), on a spare port with a database of its own,
/// against the real PostgreSQL and Docker engine: the server and a worker start, the starter kit and
/// the senior reference are graded through the queue, and every URL it prints answers for the tokens
/// it printed. A second run reuses all of it; <c>make down</c>'s script (with --purge) leaves nothing.
/// The challenges are served without their load profiles (ASSESS_CHALLENGES): the scripts and the
/// queue are under test, not latencies, so this runs beside other tests.
/// </summary>
[Collection(DockerFourthCollection.Name)]
public sealed class PlatformUpTests(DockerFixture docker, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PlatformScripts _platform = PlatformScripts.OnSparePort(ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges")));
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Make_up_grades_the_starter_and_the_senior_reference_and_prints_urls_that_answer_for_its_tokens()
    {
        // when
        var (exit, stdout, stderr) = await _platform.UpAsync();
        output.WriteLine(stdout + stderr);
        Assert.True(exit == 0, $"make up failed:\n{stderr}\n{WorkerLog()}");
        var up = UpOutput.Parse(stdout);

        // then: the candidate's link signs them in to their assessment
        var token = up.Invitation[(up.Invitation.LastIndexOf('/') + 1)..];
        Assert.Contains("Welcome, Ada Lovelace", await PageAsync(up.Invitation, null), StringComparison.Ordinal);
        Assert.Contains("Catalog API", await PageAsync(Url("/candidate"), token), StringComparison.Ordinal);

        // and the interviewer signs in with the printed token and sees the two graded submissions
        Assert.Contains("Access token", await PageAsync(up.SignIn, null), StringComparison.Ordinal);
        var review = await PageAsync(up.Review, up.InterviewerToken);
        Assert.Equal(["starter kit", "senior reference"], up.Graded.Select(g => g.What));
        Assert.Equal("not-yet", up.Graded[0].Level);
        Assert.Equal("senior", up.Graded[1].Level);
        foreach (var graded in up.Graded)
        {
            Assert.Contains(new Uri(graded.Url).AbsolutePath, review, StringComparison.Ordinal);
            var page = await PageAsync(graded.Url, up.InterviewerToken);
            Assert.Contains(graded.Level, page, StringComparison.Ordinal);
        }

        Assert.Contains("Calibration: Catalog API", await PageAsync(up.Calibration, up.InterviewerToken), StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", await PageAsync(up.ApiReference, null), StringComparison.Ordinal);

        // and the admin token is strong, printed once and readable by its owner only
        var adminFile = Path.Combine(_platform.Folder, "admin-token");
        Assert.Equal(up.AdminToken, File.ReadAllText(adminFile).Trim());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", up.AdminToken!);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(adminFile));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Url("/api/users"), up.AdminToken)).StatusCode);

        // when make up runs again: it reuses what runs and what was made
        var again = await _platform.UpAsync();
        Assert.True(again.ExitCode == 0, again.Stderr);
        var second = UpOutput.Parse(again.Stdout);
        Assert.Contains("already running", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(up with { AdminToken = null }, second with { Graded = up.Graded });
        Assert.Equal(up.Graded, second.Graded);
        Assert.DoesNotContain(up.AdminToken!, again.Stdout, StringComparison.Ordinal);

        // when make down runs (and purges): nothing is left behind
        var down = await _platform.DownAndPurgeAsync();
        Assert.True(down.ExitCode == 0, down.Stderr);
        Assert.False(_platform.Listening(), "the server still listens");
        Assert.False(Directory.Exists(_platform.Folder));
        Assert.Equal("0", await _platform.QueryAsync($"select count(*) from pg_database where datname = '{_platform.Database}'"));
        Assert.Equal("0", await _platform.QueryAsync($"select count(*) from pg_stat_activity where datname = '{_platform.Database}'"));
        Assert.Empty(await docker.LeftoversAsync());
    }

    public async Task DisposeAsync()
    {
        // Whatever happened above, the processes, the database and the folder go.
        await _platform.DownAndPurgeAsync();
        _http.Dispose();
        Directory.Delete(_platform.Challenges!, recursive: true);
    }

    private string Url(string path) => $"http://127.0.0.1:{_platform.Port}{path}";

    private async Task<HttpResponseMessage> GetAsync(string url, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await _http.SendAsync(request);
    }

    private async Task<string> PageAsync(string url, string? bearer)
    {
        using var response = await GetAsync(url, bearer);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    private string WorkerLog()
    {
        var log = Path.Combine(_platform.Folder, "worker.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : "(no worker log)";
    }
}
