using System.Net;
using Assessments.Client;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>
/// Two servers behind one PostgreSQL, as a load balancer would spread one person's requests: what a
/// person does through one holds on the other. A page session started on A is one on B; failed
/// authentications on A count against the same allowance on B (the table of migration 009), and a
/// server started later knows who is throttled; both write to the one audit log. Revocation across
/// servers is CallerCacheRevocationTests'.
/// </summary>
public sealed class TwoServersTests() : TwoServersOverOneDatabase("TwoServers")
{
    [Fact]
    public async Task A_page_session_started_on_one_server_is_signed_in_on_the_other()
    {
        // given
        using var browserOnA = BrowserLike.Client(A);
        using var browserOnB = BrowserLike.Client(B);
        var interviewer = (await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ines", Roles.Interviewer))).Token;

        // when
        var session = await BrowserLike.SignInAsync(browserOnA, interviewer);

        // then: the page and the API behind it answer on B as on A
        using var page = await browserOnB.SendAsync(BrowserLike.Get("/review", session));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browserOnB.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode);
    }

    [Fact]
    public async Task Failed_authentications_on_one_server_use_up_the_same_allowance_on_the_other()
    {
        // given: twelve wrong tokens through A, then eight through B (the allowance is 20 a minute)
        using var guesserOnA = A.CreateClient();
        using var guesserOnB = B.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(guesserOnA, i)).StatusCode);
        }

        for (var i = 12; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(guesserOnB, i)).StatusCode);
        }

        // when: the twenty-first, on either server
        using var onB = await GuessAsync(guesserOnB, 20);

        // then: refused on B, which counted the last one, and on A, which was told; even the right token
        Assert.Equal(HttpStatusCode.TooManyRequests, onB.StatusCode);
        Assert.True(onB.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), "Retry-After within the minute");
        using var admin = A.HttpFor(PlatformFactory.AdminToken);
        var onA = await Eventually.GetAsync(async () => (await admin.GetAsync("/api/submissions")).StatusCode, s => s == HttpStatusCode.TooManyRequests, AtOnce, "A refusing the address B throttled", Poll);
        Assert.Equal(HttpStatusCode.TooManyRequests, onA);

        // and: a server started now, which heard no announcement, refuses it from its first request
        await using var c = new PlatformFactory(Database);
        await ListeningAsync(c);
        using var adminOnC = c.HttpFor(PlatformFactory.AdminToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await adminOnC.GetAsync("/api/submissions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Changes_made_through_both_servers_are_in_the_one_audit_log_whichever_server_reads_it()
    {
        // given
        var interviewer = (await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ines", Roles.Interviewer))).Token;

        // when: an invitation made through A and revoked through B
        var invitation = await A.ClientFor(interviewer).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Rita"));
        await B.ClientFor(interviewer).RevokeInvitationAsync(invitation.Id);

        // then
        foreach (var server in new[] { A, B })
        {
            var audit = await server.ClientFor(PlatformFactory.AdminToken).ListAuditAsync();
            var entries = audit.Where(e => e.EntityId == invitation.Id.ToString()).Select(e => (e.Actor, e.Action)).ToList();
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.Equal("interviewer:ines", e.Actor));
            Assert.Contains(entries, e => e.Action.Contains("revoke", StringComparison.Ordinal));
        }
    }


    private static Task<HttpResponseMessage> GuessAsync(HttpClient http, int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/submissions");
        request.Headers.Authorization = new("Bearer", $"guess-{i:D2}-{Guid.NewGuid():n}");
        return http.SendAsync(request);
    }
}
