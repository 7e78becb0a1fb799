using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assessments.Client;
using Assessments.Server.Tests.Support;
using Assessments.Server.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// With the operator's default (loopback not allowed) nothing reaches a receiver listening on loopback:
/// not an endpoint saved with a loopback URL, not one saved while loopback was allowed, and not the
/// sender's own connection to a name that resolves to loopback. The receiver is real, so "not sent" is seen.
/// </summary>
public sealed class WebhookLoopbackGuardTests : IAsyncLifetime
{
    private const string LoopbackRefused = "loopback targets are refused (the operator can allow them with Webhooks:AllowLoopback)";

    // Only the pace is quickened: Webhooks:AllowLoopback keeps its default, false.
    private static readonly Dictionary<string, string?> Default = new()
    {
        ["Webhooks:PollSeconds"] = "0.1",
        ["Webhooks:ExpiryScanSeconds"] = "0.2",
    };

    private static readonly Dictionary<string, string?> LoopbackAllowed = new(Default) { ["Webhooks:AllowLoopback"] = "true" };

    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("WebhookLoopback");
        _receiver = new WebhookReceiver(failuresPerEvent: 0);
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:PORT/hooks")]
    [InlineData("http://127.1:PORT/hooks")]
    [InlineData("http://localhost:PORT/hooks")]
    [InlineData("http://api.localhost:PORT/hooks")]
    [InlineData("http://[::1]:PORT/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]:PORT/hooks")]
    public async Task An_endpoint_at_a_loopback_address_is_refused_with_the_reason_when_the_operator_has_not_allowed_loopback(string url)
    {
        await using var server = new PlatformFactory(_database, Default);
        var admin = server.HttpFor(PlatformFactory.AdminToken);

        var answer = await admin.PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(At(url), ["invitation.expired"]));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = (await answer.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(JsonSerializerOptions.Web))!;
        Assert.Equal([LoopbackRefused], problem.Errors["url"]);
        Assert.Empty((await admin.GetFromJsonAsync<List<WebhookSummary>>("/api/admin/webhooks", JsonSerializerOptions.Web))!);
    }

    [Fact]
    public async Task A_delivery_to_an_endpoint_saved_while_loopback_was_allowed_is_not_sent_once_it_is_not_and_the_log_says_why()
    {
        // given: an endpoint saved by a server that allowed loopback, which has since stopped
        CreatedWebhook created;
        await using (var before = new PlatformFactory(_database, LoopbackAllowed))
        {
            var answer = await before.HttpFor(PlatformFactory.AdminToken).PostAsJsonAsync(
                "/api/admin/webhooks", new CreateWebhookRequest(At("http://localhost:PORT/hooks"), ["invitation.expired"]));
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            created = (await answer.Content.ReadFromJsonAsync<CreatedWebhook>(JsonSerializerOptions.Web))!;
        }

        // when: the server runs with the default again and an event is due for the endpoint
        await using var server = new PlatformFactory(_database, Default);
        var admin = server.HttpFor(PlatformFactory.AdminToken);
        await ExpiredInvitation.CreateAsync(server, "Ada");

        // then: the attempt is logged with the reason and the receiver saw nothing (the log is written after the attempt)
        var delivery = await Eventually.GetAsync(
            async () => (await admin.GetFromJsonAsync<List<WebhookDelivery>>($"/api/admin/webhooks/{created.Id}/deliveries", JsonSerializerOptions.Web))!.SingleOrDefault(),
            d => d is { Attempts: >= 1, LastError: not null },
            TimeSpan.FromSeconds(30),
            "the refused attempt in the log");
        Assert.Equal(("pending", (int?)null, $"target refused: {LoopbackRefused}"), (delivery!.State, delivery.LastStatus, delivery.LastError));
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task The_senders_connection_to_a_name_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        // given: the server's own webhook client, asked directly, so that only the connect-time check
        // (which stops a name that resolves to loopback after it was saved) stands before the receiver
        var url = At("http://localhost:PORT/hooks");
        await using var server = new PlatformFactory(_database, Default);
        var client = server.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookClient.HttpClientName);

        // when
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(url, new StringContent("{}")));

        // then: nothing reached the receiver, which the same client of a server that allows loopback does reach
        Assert.Contains("localhost resolves to no address a webhook may be sent to", refused.ToString(), StringComparison.Ordinal);
        Assert.Empty(_receiver.Requests);
        await using var allowing = new PlatformFactory(_database, LoopbackAllowed);
        using var reached = await allowing.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookClient.HttpClientName).PostAsync(url, new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, reached.StatusCode);
        Assert.Single(_receiver.Requests);
    }

    private string At(string url) => url.Replace("PORT", _receiver.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
