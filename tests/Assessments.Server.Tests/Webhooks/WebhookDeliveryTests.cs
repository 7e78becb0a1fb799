using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assessments.Client;
using Assessments.Domain.Reports;
using Assessments.Server.Tests.Support;
using Assessments.Server.Webhooks;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// Outgoing webhooks end to end: real server instances (each with its sender), the real worker loop
/// with a fast engine, real PostgreSQL and a receiver over real HTTP on loopback that fails twice first.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:PollSeconds"] = "0.1",
        ["Webhooks:RetryBaseSeconds"] = "0.2",
        ["Webhooks:ExpiryScanSeconds"] = "0.2",
        ["Assessments:MaxAttempts"] = "2",
    };

    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;
    private PlatformFactory _secondServer = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Webhooks");
        _server = new PlatformFactory(_database, Settings);
        _secondServer = new PlatformFactory(_database, Settings);
        _receiver = new WebhookReceiver(failuresPerEvent: 2);
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _secondServer.DisposeAsync();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Each_event_reaches_the_receiver_exactly_once_verified_despite_two_failures_and_from_two_server_instances()
    {
        // given: an endpoint for every event, and both server instances (two senders) running
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var created = await CreateEndpointAsync(admin, _receiver.Url, WebhookEventNames);
        _ = _secondServer.CreateClient();
        var api = _server.ClientFor(PlatformFactory.AdminToken);

        // when: one grading completes, one is dead-lettered, a level is overridden, an invitation expires
        var engine = new FakeGradingEngine("webhooks", (_, call) => call == 1
            ? FakeReports.With(ReportStatus.Graded, Domain.Scoring.Level.Junior, 55)
            : FakeReports.With(ReportStatus.InfrastructureError, failureMessage: "docker went away"));
        using var worker = await InProcessWorker.StartAsync(_database, "webhook-worker", engine);
        var graded = await UploadAsync(api, "Ada");
        await Eventually.GetAsync(() => _database.CountAsync("reports"), n => n == 1, TimeSpan.FromSeconds(30), "the first report");
        var failed = await UploadAsync(api, "Brian");
        await api.OverrideLevelAsync(graded, new LevelOverrideRequest("engineer-ii", "strong design discussion"));
        var expiring = await api.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Carla"));
        await using (var expire = _database.DataSource.CreateCommand("update invitations set expires_at = now() - interval '1 minute' where id = $1"))
        {
            expire.Parameters.AddWithValue(expiring.Id);
            await expire.ExecuteNonQueryAsync();
        }

        var accepted = await Eventually.GetAsync(
            () => Task.FromResult(_receiver.Accepted), a => a.Count >= 4, TimeSpan.FromSeconds(60), "four accepted deliveries");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // room for a duplicate to show up, if there were one

        // then: four events, each accepted exactly once after two refused attempts, every request signed
        accepted = _receiver.Accepted;
        Assert.Equal(WebhookEventNames.Order(), accepted.Select(a => a.EventType).Order());
        Assert.Equal(4, accepted.Select(a => a.EventId).Distinct().Count());
        Assert.All(accepted, a => Assert.Equal(3, _receiver.Requests.Count(r => r.EventId == a.EventId)));
        Assert.All(_receiver.Requests, r => Assert.True(WebhookSignature.Verify(r.Signature, created.Secret, r.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), r.Signature));
        var completed = Data(accepted.Single(a => a.EventType == "grading.completed"));
        Assert.Equal(graded.ToString(), completed.GetProperty("submissionId").GetString());
        Assert.Equal("junior", completed.GetProperty("level").GetString());
        Assert.Equal(55, completed.GetProperty("score").GetInt32());
        Assert.Equal($"/api/submissions/{graded}/report", completed.GetProperty("reportPath").GetString());
        Assert.Equal(failed.ToString(), Data(accepted.Single(a => a.EventType == "grading.failed")).GetProperty("submissionId").GetString());
        Assert.Contains("docker went away", Data(accepted.Single(a => a.EventType == "grading.failed")).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("engineer-ii", Data(accepted.Single(a => a.EventType == "level.overridden")).GetProperty("level").GetString());
        Assert.Equal(expiring.Id.ToString(), Data(accepted.Single(a => a.EventType == "invitation.expired")).GetProperty("invitationId").GetString());

        // and: a forged or altered request is told apart
        var sample = accepted[0];
        Assert.False(WebhookSignature.Verify(sample.Signature, "whsec_not-the-secret", sample.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(sample.Signature, created.Secret, sample.Body.Replace("\"id\"", "\"Id\"", StringComparison.Ordinal), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(sample.Signature, created.Secret, sample.Body, DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(5)));

        // and: the delivery log says what happened
        var log = (await admin.GetFromJsonAsync<List<WebhookDelivery>>($"/api/admin/webhooks/{created.Id}/deliveries", JsonSerializerOptions.Web))!;
        Assert.Equal(4, log.Count);
        Assert.All(log, d => Assert.Equal(("delivered", 3, 200), (d.State, d.Attempts, d.LastStatus)));
        Assert.All(log, d => Assert.Equal("thanks", d.LastResponseExcerpt));
        var detail = (await admin.GetFromJsonAsync<WebhookDeliveryDetail>($"/api/admin/webhooks/{created.Id}/deliveries/{log[0].Id}", JsonSerializerOptions.Web))!;
        Assert.Equal([500, 500, 200], detail.Attempts.Select(a => a.Status));
        Assert.Equal([1, 2, 3], detail.Attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task Redeliver_sends_the_same_event_again_with_its_id_and_logs_the_new_attempt()
    {
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var created = await CreateEndpointAsync(admin, _receiver.Url, ["level.overridden"]);
        var engine = new FakeGradingEngine("redeliver");
        using var worker = await InProcessWorker.StartAsync(_database, "redeliver-worker", engine);
        var api = _server.ClientFor(PlatformFactory.AdminToken);
        var submission = await UploadAsync(api, "Dora");
        await Eventually.GetAsync(() => _database.CountAsync("reports"), n => n == 1, TimeSpan.FromSeconds(30), "the report");
        await api.OverrideLevelAsync(submission, new LevelOverrideRequest("senior", "excellent"));
        var first = await Eventually.GetAsync(() => Task.FromResult(_receiver.Accepted), a => a.Count == 1, TimeSpan.FromSeconds(30), "the first delivery");
        var delivery = (await admin.GetFromJsonAsync<List<WebhookDelivery>>($"/api/admin/webhooks/{created.Id}/deliveries", JsonSerializerOptions.Web))!.Single();

        var answer = await admin.PostAsync($"/api/admin/webhooks/{created.Id}/deliveries/{delivery.Id}/redeliver", null);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var again = await Eventually.GetAsync(() => Task.FromResult(_receiver.Accepted), a => a.Count == 2, TimeSpan.FromSeconds(30), "the redelivery");
        Assert.Equal(first[0].EventId, again[1].EventId);
        Assert.Equal(first[0].Body, again[1].Body);
        var detail = await Eventually.GetAsync(
            async () => (await admin.GetFromJsonAsync<WebhookDeliveryDetail>($"/api/admin/webhooks/{created.Id}/deliveries/{delivery.Id}", JsonSerializerOptions.Web))!,
            d => d.Delivery.State == "delivered" && d.Attempts.Count == 4,
            TimeSpan.FromSeconds(10),
            "the redelivery in the log");
        Assert.Equal([1, 2, 3, 4], detail.Attempts.Select(a => a.Attempt));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/webhooks/{created.Id}/deliveries/{Guid.NewGuid()}/redeliver", null)).StatusCode);
    }

    [Theory]
    [InlineData("ftp://example.org/hook", "url")]
    [InlineData("https://user:pass@example.org/hook", "url")]
    [InlineData("/relative", "url")]
    [InlineData("http://169.254.169.254/latest", "url")]
    public async Task An_endpoint_with_a_bad_target_is_refused_with_the_reason(string url, string field)
    {
        var answer = await _server.HttpFor(PlatformFactory.AdminToken).PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(url, ["grading.completed"]));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"\"{field}\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_events_are_refused_and_an_interviewer_cannot_configure_webhooks()
    {
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        var unknown = await admin.PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(_receiver.Url, ["grading.exploded"]));
        var interviewer = (await _server.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ivan", Roles.Interviewer))).Token;

        var forbidden = await _server.HttpFor(interviewer).PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(_receiver.Url, ["grading.completed"]));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("grading.exploded", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static readonly string[] WebhookEventNames = ["grading.completed", "grading.failed", "level.overridden", "invitation.expired"];

    private static async Task<CreatedWebhook> CreateEndpointAsync(HttpClient admin, string url, IReadOnlyList<string> events)
    {
        var answer = await admin.PostAsJsonAsync("/api/admin/webhooks", new CreateWebhookRequest(url, events, "the ATS"));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl?.NoStore, "the answer with the signing secret is no-store");
        var created = (await answer.Content.ReadFromJsonAsync<CreatedWebhook>(JsonSerializerOptions.Web))!;
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        return created;
    }

    private async Task<Guid> UploadAsync(IAssessmentsApi staff, string candidateName)
    {
        var invitation = await staff.CreateInvitationAsync(new CreateInvitationRequest("api-design", candidateName));
        using var archive = new MemoryStream(QueueSeed.Archive);
        return (await _server.ClientFor(invitation.Token).UploadSubmissionAsync(archive)).Id;
    }

    private static JsonElement Data(ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement.GetProperty("data");
}
