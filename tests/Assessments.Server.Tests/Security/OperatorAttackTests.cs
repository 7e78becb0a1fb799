using Assessments.Server.Hosting;
using System.Net;
using Assessments.Submissions;
using Assessments.Server.Tests.Support;
using Npgsql;

namespace Assessments.Server.Tests.Security;

/// <summary>What a careless operator or a crash leaves open: a weak bootstrap token, token guessing, a dead database, orphaned temp folders.</summary>
public sealed class OperatorAttackTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(nameof(OperatorAttackTests));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("change-me")]
    [InlineData("change-me-change-me-change-me-change-me")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcd")]
    public async Task The_server_refuses_to_start_with_a_guessable_bootstrap_admin_token(string token)
    {
        await using var factory = new PlatformFactory(_database, new Dictionary<string, string?> { ["Assessments:BootstrapAdminToken"] = token });

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        // and says why: the start-up check's reason, which the host logs as it stops. What a failed start
        // throws is not always that reason: it can be a service disposed under another hosted service.
        var check = new ServerOptionsRules().Validate(null, new ServerOptions { BootstrapAdminToken = token });
        Assert.True(check.Failed);
        var message = check.FailureMessage;
        Assert.Contains("BootstrapAdminToken", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_hundred_wrong_bearer_tokens_are_answered_429_with_retry_after_once_the_allowance_is_spent()
    {
        await using var factory = new PlatformFactory(_database);
        using var guesser = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;

        for (var i = 0; i < 300; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/submissions");
            request.Headers.Authorization = new("Bearer", $"guess-{i:D4}-{Guid.NewGuid():n}");
            var response = await guesser.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled ??= response;
            }
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(280, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.True(throttled!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        // while the address is throttled even the right token is not tried, so a lucky guess reveals nothing
        using var right = factory.HttpFor(PlatformFactory.AdminToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await right.GetAsync("/api/submissions")).StatusCode);
        // and requests without credentials are not held up
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_hundred_failed_sign_ins_on_the_page_are_answered_429_after_the_allowance()
    {
        await using var factory = new PlatformFactory(_database);
        using var http = BrowserLike.Client(factory);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 100; i++)
        {
            using var response = await http.SendAsync(BrowserLike.Form("/signin", new Dictionary<string, string> { ["token"] = $"wrong-{i}" }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(80, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task With_the_database_down_readiness_names_no_host_and_the_api_answers_503_not_500()
    {
        // given: the server reaches PostgreSQL through a relay that the test can cut
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var relay = new TcpRelay(target.Host!, target.Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 }.ConnectionString;
        await using var factory = new PlatformFactory(_database, new Dictionary<string, string?> { ["ConnectionStrings:Assessments"] = viaRelay });
        using var admin = factory.HttpFor(PlatformFactory.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/submissions")).StatusCode);

        // when: the database goes away
        var port = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await relay.CutAsync();
        using var ready = await admin.GetAsync("/health/ready");
        using var api = await admin.GetAsync("/api/submissions");

        // then
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain(port, body, StringComparison.Ordinal);
        Assert.DoesNotContain("connect", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        Assert.DoesNotContain("127.0.0.1", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temp_folders_left_by_a_server_killed_mid_upload_are_swept_at_the_next_start()
    {
        // given: folders as a killed server and a killed worker leave them (their pid now names another
        // process start, or none), and one of a process that is still at work (this one)
        var dead = new[] { "upload", "submission", "job" }
            .Select(kind => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"assess-{kind}-{Environment.ProcessId}.1-orphan{Guid.NewGuid():n}")))
            .ToList();
        foreach (var folder in dead)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "submission.archive"), "half an upload");
        }

        var alive = OwnedTempFolders.Create(OwnedTempFolders.Upload);
        try
        {
            // when: the server starts
            await using var factory = new PlatformFactory(_database);
            using var http = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

            // then: the orphans are gone, the live process's folder is not
            Assert.All(dead, folder => Assert.False(Directory.Exists(folder.FullName), folder.Name));
            Assert.True(Directory.Exists(alive.FullName));
        }
        finally
        {
            alive.Delete(recursive: true);
            foreach (var folder in dead.Where(f => Directory.Exists(f.FullName)))
            {
                folder.Delete(recursive: true);
            }
        }
    }
}
