using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assessments.Client;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// The sender's bounds against real receivers on loopback: a receiver slower than the timeout costs one
/// timed-out attempt each time (and is retried), one that answers at length has only the capped excerpt
/// kept, and an event too large to send is not sent. The bounds are set small here, the pace fast.
/// </summary>
public sealed class WebhookBoundsTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:PollSeconds"] = "0.1",
        ["Webhooks:RetryBaseSeconds"] = "0.2",
        ["Webhooks:ExpiryScanSeconds"] = "0.2",
        ["Webhooks:TimeoutSeconds"] = "1",
        ["Webhooks:MaxAttempts"] = "3",
        ["Webhooks:ResponseExcerptBytes"] = "300",
        ["Webhooks:MaxPayloadBytes"] = "1024",
    };

    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("WebhookBounds");
        _server = new PlatformFactory(_database, Settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(0, 5)]
    public async Task A_receiver_slower_than_the_timeout_costs_a_timed_out_attempt_each_time_until_the_attempts_run_out(double secondsBeforeHeaders, double secondsAfterHeaders)
    {
        // given: a receiver that keeps the sender waiting five seconds, before its headers or after them
        await using var receiver = new WebhookReceiver(0, new ReceiverAnswer(BeforeHeaders: TimeSpan.FromSeconds(secondsBeforeHeaders), AfterHeaders: TimeSpan.FromSeconds(secondsAfterHeaders)));
        await receiver.StartAsync();
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var endpoint = await CreateEndpointAsync(admin, receiver.Url, "invitation.expired");

        // when: an event is due, and the server allows three attempts of one second each
        await ExpiredInvitation.CreateAsync(_server, "Ada");

        // then: three attempts were sent, each cut off near one second (not five) and logged as a timeout
        var detail = await Eventually.GetAsync(() => OnlyDeliveryAsync(admin, endpoint), d => d?.Delivery.State == "failed", TimeSpan.FromSeconds(60), "the delivery to give up");
        Assert.Equal([1, 2, 3], detail!.Attempts.Select(a => a.Attempt));
        Assert.All(detail.Attempts, a => Assert.Equal(((int?)null, "no answer within 1 s"), (a.Status, a.Error)));
        Assert.All(detail.Attempts, a => Assert.InRange(a.LatencyMs, 900, 4_000));
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Only_the_capped_excerpt_of_a_receivers_eight_megabyte_answer_is_kept_in_the_delivery_log()
    {
        await using var receiver = new WebhookReceiver(0, new ReceiverAnswer(BodyBytes: 8 * 1024 * 1024));
        await receiver.StartAsync();
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var endpoint = await CreateEndpointAsync(admin, receiver.Url, "invitation.expired");

        await ExpiredInvitation.CreateAsync(_server, "Ada");

        var detail = await Eventually.GetAsync(() => OnlyDeliveryAsync(admin, endpoint), d => d?.Delivery.State == "delivered", TimeSpan.FromSeconds(30), "the delivery");
        var excerpt = new string('x', 300);
        Assert.Equal((200, excerpt), (detail!.Delivery.LastStatus, detail.Delivery.LastResponseExcerpt));
        Assert.Equal([excerpt], detail.Attempts.Select(a => a.ResponseExcerpt));
        await using var stored = _database.DataSource.CreateCommand("select max(octet_length(response_excerpt)) from webhook_attempts");
        Assert.Equal(300, (int)(await stored.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_event_larger_than_the_payload_cap_is_not_sent_and_fails_at_once_with_the_reason()
    {
        // given: a graded submission and an endpoint for level overrides; the cap is at its lowest, 1 KiB
        await using var receiver = new WebhookReceiver(0);
        await receiver.StartAsync();
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var endpoint = await CreateEndpointAsync(admin, receiver.Url, "level.overridden");
        var api = _server.ClientFor(PlatformFactory.AdminToken);
        using var worker = await InProcessWorker.StartAsync(_database, "bounds-worker", new FakeGradingEngine("bounds"));
        var invitation = await api.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Ada"));
        using var archive = new MemoryStream(QueueSeed.Archive);
        var submission = (await _server.ClientFor(invitation.Token).UploadSubmissionAsync(archive)).Id;
        await Eventually.GetAsync(() => _database.CountAsync("reports"), n => n == 1, TimeSpan.FromSeconds(30), "the report");

        // when: an interviewer gives a long reason (1,500 of the 2,000 characters allowed)
        await api.OverrideLevelAsync(submission, new LevelOverrideRequest("senior", string.Concat(Enumerable.Repeat("Designed the API with care. ", 54))[..1_500]));

        // then: the payload cannot shrink, so retrying is pointless: one logged attempt and the delivery failed
        var detail = await Eventually.GetAsync(() => OnlyDeliveryAsync(admin, endpoint), d => d?.Delivery.Attempts >= 1 && d.Delivery.State != "pending", TimeSpan.FromSeconds(30), "the refused delivery");
        Assert.Equal(("failed", 1, "payload larger than 1024 bytes; not sent"), (detail!.Delivery.State, detail.Delivery.Attempts, detail.Delivery.LastError));
        Assert.Empty(receiver.Requests);
    }

    private static async Task<Guid> CreateEndpointAsync(HttpClient admin, string url, string eventType)
    {
        var answer = await admin.PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(url, [eventType]));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<CreatedWebhook>(JsonSerializerOptions.Web))!.Id;
    }

    private static async Task<WebhookDeliveryDetail?> OnlyDeliveryAsync(HttpClient admin, Guid endpoint)
    {
        var deliveries = (await admin.GetFromJsonAsync<List<WebhookDelivery>>($"/api/admin/webhooks/{endpoint}/deliveries", JsonSerializerOptions.Web))!;
        return deliveries.SingleOrDefault() is { } delivery
            ? await admin.GetFromJsonAsync<WebhookDeliveryDetail>($"/api/admin/webhooks/{endpoint}/deliveries/{delivery.Id}", JsonSerializerOptions.Web)
            : null;
    }
}
