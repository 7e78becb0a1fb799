using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assessments.Client;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// The admin's webhook pages over HTTP as a browser fetches them (session cookie from signing in): the
/// list shows the endpoint, its page shows each delivery as the log has it; nobody else sees either.
/// </summary>
public sealed partial class WebhookPagesTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:PollSeconds"] = "0.1",
        ["Webhooks:RetryBaseSeconds"] = "0.2",
        ["Webhooks:ExpiryScanSeconds"] = "0.2",
    };

    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("WebhookPages");
        _server = new PlatformFactory(_database, Settings);
        _receiver = new WebhookReceiver(failuresPerEvent: 1);
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_admin_sees_the_endpoint_listed_and_on_its_page_the_delivery_with_state_attempts_status_latency_and_answer()
    {
        // given: an endpoint whose receiver refuses once, then takes the event
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var endpoint = await CreateEndpointAsync(admin, _receiver.Url);
        await ExpiredInvitation.CreateAsync(_server, "Ada");
        var delivery = await Eventually.GetAsync(
            async () => (await admin.GetFromJsonAsync<List<WebhookDelivery>>($"/api/admin/webhooks/{endpoint}/deliveries", JsonSerializerOptions.Web))!.SingleOrDefault(),
            d => d?.State == "delivered",
            TimeSpan.FromSeconds(30),
            "the delivery");

        // when: the admin signs in and opens the list, then the endpoint's page
        var browser = BrowserLike.Client(_server);
        var session = await BrowserLike.SignInAsync(browser, PlatformFactory.AdminToken);
        var list = await PageAsync(browser, "/admin/webhooks", session);
        var page = await PageAsync(browser, $"/admin/webhooks/{endpoint}", session);

        // then: an admin's navigation leads here, and the list links the endpoint with its events and state
        Assert.Contains("<a href=\"/admin/webhooks\">Webhooks</a>", list, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/webhooks/{endpoint}\"><code>{_receiver.Url}</code></a>", list, StringComparison.Ordinal);
        Assert.Equal(["invitation.expired", "the ATS", "enabled"], Cells(Row(list, _receiver.Url)).Where((_, i) => i is 1 or 2 or 4));

        // and: the endpoint's page shows the delivery as the log has it: delivered on the second attempt, 200, its latency, the answer
        Assert.Contains("1 delivery, newest first", page, StringComparison.Ordinal);
        var latency = delivery!.LastLatencyMs!.Value.ToString("0", CultureInfo.CurrentCulture) + " ms";
        Assert.Equal(
            [$"invitation.expired{delivery.EventId}", "delivered", "2", "200", latency, "thanks"],
            Cells(Row(page, delivery.EventId.ToString())).Take(6));
    }

    [Fact]
    public async Task An_interviewer_is_shown_not_allowed_and_a_visitor_is_sent_to_sign_in_never_the_webhook_pages()
    {
        var endpoint = await CreateEndpointAsync(_server.HttpFor(PlatformFactory.AdminToken), "https://ats.example/secret-path");
        var interviewer = (await _server.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ivan", Roles.Interviewer))).Token;
        var browser = BrowserLike.Client(_server);
        var session = await BrowserLike.SignInAsync(browser, interviewer);

        foreach (var path in new[] { "/admin/webhooks", $"/admin/webhooks/{endpoint}" })
        {
            // an interviewer's page session, and the interviewer's token sent as a bearer
            using var signedIn = await browser.SendAsync(BrowserLike.Get(path, session));
            using var bearer = await _server.HttpFor(interviewer).GetAsync(path);
            foreach (var refused in new[] { signedIn, bearer })
            {
                var html = await refused.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Contains("Not allowed", html, StringComparison.Ordinal);
                Assert.DoesNotContain("secret-path", html, StringComparison.Ordinal);
                Assert.DoesNotContain("href=\"/admin/webhooks\"", html, StringComparison.Ordinal);
            }

            using var visitor = await browser.SendAsync(BrowserLike.Get(path));
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.Equal($"/signin?returnUrl={Uri.EscapeDataString(path)}", visitor.Headers.Location?.OriginalString);
        }
    }

    private static async Task<Guid> CreateEndpointAsync(HttpClient admin, string url)
    {
        var answer = await admin.PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(url, ["invitation.expired"], "the ATS"));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<CreatedWebhook>(JsonSerializerOptions.Web))!.Id;
    }

    private static async Task<string> PageAsync(HttpClient browser, string path, string session)
    {
        using var response = await browser.SendAsync(BrowserLike.Get(path, session));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The table row that mentions <paramref name="text"/>.</summary>
    private static string Row(string html, string text) =>
        Rows().Matches(html).Select(m => m.Value).Single(row => row.Contains(text, StringComparison.Ordinal));

    /// <summary>Each cell's text, tags removed.</summary>
    private static IEnumerable<string> Cells(string row) =>
        CellsOf().Matches(row).Select(m => Tags().Replace(m.Groups[1].Value, string.Empty));

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellsOf();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
