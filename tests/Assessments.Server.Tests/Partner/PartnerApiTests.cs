using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assessments.Client;
using Assessments.Domain.Reports;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Partner;

/// <summary>
/// The ATS partner API over real HTTP semantics (in-process server, real PostgreSQL, the real worker
/// loop with a fast engine): an admin issues a key, the ATS lists tests and sends one, the candidate
/// submits with the invitation's token, and the ATS reads status, score, level and a working report link.
/// </summary>
public sealed class PartnerApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Partner");
        _server = new PlatformFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_ats_sends_a_test_the_candidate_submits_and_the_ats_reads_status_result_and_report()
    {
        // given: an admin issued a key to the ATS
        var key = await IssueKeyAsync("greenhouse");
        var ats = Ats(key.Key);
        var tests = (await ats.GetFromJsonAsync<List<PartnerTest>>("/api/partner/tests"))!;
        Assert.Contains(tests, t => t.PartnerTestId == "api-design");

        // when: the ATS sends the test, and the candidate submits with the invitation's token
        var sent = await ats.PostAsJsonAsync("/api/partner/tests/send", new SendTestRequest("api-design", new PartnerCandidate("Grace", "Hopper", "grace@example.org", "gh-4711")));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.True(sent.Headers.CacheControl?.NoStore, "the answer with the candidate's token is no-store");
        var test = (await sent.Content.ReadFromJsonAsync<SentTest>())!;
        Assert.EndsWith($"/invite/{test.CandidateToken}", test.TestUrl, StringComparison.Ordinal);
        Assert.Equal("sent", (await StatusAsync(ats, test)).PartnerStatus);
        var candidate = _server.ClientFor(test.CandidateToken);
        Assert.Equal("Grace Hopper", (await candidate.GetAssignmentAsync()).CandidateName);
        using var worker = await InProcessWorker.StartAsync(_database, "partner-worker",
            new FakeGradingEngine("partner", (_, _) => FakeReports.With(ReportStatus.Graded, Domain.Scoring.Level.EngineerII, 72), TimeSpan.FromSeconds(1)));
        using var archive = new MemoryStream(QueueSeed.Archive);
        var submission = await candidate.UploadSubmissionAsync(archive);

        // then: the status moves to complete with the result, and both links work
        var status = await Eventually.GetAsync(() => StatusAsync(ats, test), s => s.PartnerStatus == "complete", TimeSpan.FromSeconds(30), "a complete test");
        Assert.Equal((72, "engineer-ii", "graded"), (status.PartnerScore, status.PartnerLevel, status.ReportStatus));
        Assert.EndsWith($"/review/submissions/{submission.Id}", status.PartnerProfileUrl, StringComparison.Ordinal);
        var report = await ats.GetAsync(new Uri(status.ReportUrl!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html", await report.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var staff = _server.HttpFor(PlatformFactory.AdminToken);

        // and: the report is revalidated with its tag on every use, and only by the partner that sent the test
        Assert.True(report.Headers.CacheControl is { Private: true, NoCache: true }, "private, no-cache");
        var reportPath = new Uri(status.ReportUrl!).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync(ats, reportPath, report.Headers.ETag!.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RevalidateAsync(Ats((await IssueKeyAsync("lever")).Key), reportPath, report.Headers.ETag.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri(status.PartnerProfileUrl!).PathAndQuery)).StatusCode);

        // and: the invitation is like any other: listed for interviewers, audited as the partner's
        var invitations = await _server.ClientFor(PlatformFactory.AdminToken).ListInvitationsAsync();
        Assert.Contains(invitations, i => i.Id == test.PartnerInterviewId && i.CandidateName == "Grace Hopper");
        var audit = await staff.GetStringAsync("/api/admin/audit");
        Assert.Contains("partner:greenhouse", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_or_no_key_is_refused_and_another_partners_interview_is_not_found()
    {
        var first = await IssueKeyAsync("first ats");
        var second = await IssueKeyAsync("second ats");
        var sent = await Ats(first.Key).PostAsJsonAsync("/api/partner/tests/send", new SendTestRequest("api-design", new PartnerCandidate("Alan", null, null)));
        var test = (await sent.Content.ReadFromJsonAsync<SentTest>())!;

        var otherPartner = await Ats(second.Key).GetAsync($"/api/partner/tests/{test.PartnerInterviewId}/status");
        var admin = _server.HttpFor(PlatformFactory.AdminToken);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/partner-keys/{first.Id}/revoke", null)).StatusCode);
        var revoked = await Ats(first.Key).GetAsync("/api/partner/tests");
        var anonymous = await _server.CreateClient().GetAsync("/api/partner/tests");
        var staffToken = await _server.HttpFor(PlatformFactory.AdminToken).GetAsync("/api/partner/tests");

        Assert.Equal(HttpStatusCode.NotFound, otherPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staffToken.StatusCode);
        var keys = (await admin.GetFromJsonAsync<List<PartnerKeySummary>>("/api/admin/partner-keys"))!;
        Assert.NotNull(keys.Single(k => k.Id == first.Id).RevokedAt);
        Assert.DoesNotContain(first.Key, await admin.GetStringAsync("/api/admin/partner-keys"), StringComparison.Ordinal);
        Assert.Contains("partner-key.revoke", await admin.GetStringAsync("/api/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_an_unknown_test_or_a_nameless_candidate_is_a_validation_problem()
    {
        var ats = Ats((await IssueKeyAsync("ats")).Key);

        var answer = await ats.PostAsJsonAsync("/api/partner/tests/send", new SendTestRequest("no-such-test", new PartnerCandidate(" ", null, null), 0));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("partner_test_id", body, StringComparison.Ordinal);
        Assert.Contains("candidate", body, StringComparison.Ordinal);
        Assert.Contains("valid_for_hours", body, StringComparison.Ordinal);
        Assert.Equal(0L, await _database.CountAsync("invitations"));
    }

    private async Task<CreatedPartnerKey> IssueKeyAsync(string name)
    {
        var answer = await _server.HttpFor(PlatformFactory.AdminToken).PostAsJsonAsync("/api/admin/partner-keys", new CreatePartnerKeyRequest(name));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl?.NoStore, "the answer with the key is no-store");
        return (await answer.Content.ReadFromJsonAsync<CreatedPartnerKey>(JsonSerializerOptions.Web))!;
    }

    /// <summary>How Greenhouse calls a partner: HTTP Basic with the key as user name and no password.</summary>
    private HttpClient Ats(string key)
    {
        var http = _server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return http;
    }

    private static async Task<PartnerTestStatus> StatusAsync(HttpClient ats, SentTest test) =>
        (await ats.GetFromJsonAsync<PartnerTestStatus>($"/api/partner/tests/{test.PartnerInterviewId}/status"))!;

    private static Task<HttpResponseMessage> RevalidateAsync(HttpClient http, string path, string tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        return http.SendAsync(request);
    }
}
