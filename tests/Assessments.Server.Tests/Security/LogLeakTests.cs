using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Assessments.Client;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>
/// The server as the README starts it: its built assembly, run from the repository root (where its
/// appsettings.json is not found), its console output captured; no secret may reach a log line.
/// </summary>
public sealed class LogLeakTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(nameof(LogLeakTests));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Invite_tokens_bearer_tokens_and_session_cookies_never_reach_the_log_of_a_server_run_from_the_repository_root()
    {
        var adminToken = Tokens();
        var port = FreePort();
        var output = new StringBuilder();
        using var server = StartServer(adminToken, port, output);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var statuses = default((HttpStatusCode, HttpStatusCode, HttpStatusCode));
        try
        {
            await Eventually.GetAsync(() => Ready(http), ok => ok, TimeSpan.FromSeconds(60), "the server answers");

            // when: an invitation is made, its link opened and accepted, and the API called with every kind of credential
            using var admin = new HttpRequestMessage(HttpMethod.Post, "/api/invitations") { Content = JsonContent.Create(new CreateInvitationRequest("api-design", "Logged Lena")) };
            admin.Headers.Authorization = new("Bearer", adminToken);
            using var created = await http.SendAsync(admin);
            var invitation = (await created.Content.ReadFromJsonAsync<CreatedInvitation>())!;
            using var opened = await http.GetAsync($"/invite/{invitation.Token}");
            using var accept = BrowserLike.Form("/invite", new Dictionary<string, string> { ["token"] = invitation.Token }, origin: $"http://127.0.0.1:{port}");
            using var accepted = await http.SendAsync(accept);
            using var withCookie = await http.SendAsync(BrowserLike.Get("/api/me", BrowserLike.SessionCookie(accepted) ?? "none"));
            var wrongToken = Tokens();
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            wrong.Headers.Authorization = new("Bearer", wrongToken);
            using var refused = await http.SendAsync(wrong);
            using var missing = await http.GetAsync($"/invite/{wrongToken}");
            statuses = (opened.StatusCode, withCookie.StatusCode, refused.StatusCode);
            await Task.Delay(1000);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        // then: the log says what happened, and holds none of the secrets
        var log = output.ToString();
        Assert.Contains("Bootstrap admin", log, StringComparison.Ordinal);
        foreach (var line in log.Split('\n'))
        {
            Assert.DoesNotMatch(@"/invite/[A-Za-z0-9_-]{20,}", line);
        }

        Assert.DoesNotContain(adminToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("assess_session=", log, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), statuses);
    }

    private static string Tokens() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<bool> Ready(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Process StartServer(string adminToken, int port, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.ServerDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment["ConnectionStrings__Assessments"] = _database.ConnectionString;
        start.Environment["ASSESSMENTS__BOOTSTRAPADMINTOKEN"] = adminToken;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
