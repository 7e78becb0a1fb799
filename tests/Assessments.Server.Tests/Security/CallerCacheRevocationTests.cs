using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Auth;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>
/// Two servers over one database, each with its caller cache warm: a credential taken away through one
/// is refused by the other at once (polled for at most five seconds, room for a host saturated by the
/// tests beside these yet far below the cache's 30 s time-to-live), because the change is announced by
/// PostgreSQL NOTIFY in its own transaction.
/// </summary>
public sealed class CallerCacheRevocationTests() : TwoServersOverOneDatabase("CallerCache")
{
    [Fact]
    public async Task An_invitation_revoked_through_one_server_is_refused_at_once_by_the_other()
    {
        // given: the candidate's token is cached on both servers
        var invitation = await InvitationAsync("Rita");
        using var onA = A.HttpFor(invitation.Token);
        using var onB = B.HttpFor(invitation.Token);
        await WarmAsync(onA, A, "/api/me");
        await WarmAsync(onB, B, "/api/me");

        // when
        await A.ClientFor(await InterviewerAsync()).RevokeInvitationAsync(invitation.Id);

        // then: the revoking server knows at once, the other within the notification's trip
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/me")).StatusCode);
        await RefusedAtOnceAsync(onB, "/api/me", "the revoked invitation on server B");
    }

    [Fact]
    public async Task A_deleted_user_and_a_user_given_a_new_token_are_refused_at_once_on_both_servers()
    {
        // given: two users (made through A) whose tokens both servers have cached; the API deletes and
        // re-tokens nobody, so an operator does it in SQL, which the triggers announce just the same
        var leaving = await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("leaving", Roles.Interviewer));
        var rotating = await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("rotating", Roles.Interviewer));
        var clients = new[] { (A, leaving.Token), (B, leaving.Token), (A, rotating.Token), (B, rotating.Token) }
            .Select(c => (Server: c.Item1, Http: c.Item1.HttpFor(c.Item2))).ToList();
        foreach (var (server, http) in clients)
        {
            await WarmAsync(http, server, "/api/challenges");
        }

        // when
        var newToken = Tokens.New();
        await using (var change = Database.DataSource.CreateCommand("delete from users where id = $1").With(leaving.Id))
        {
            await change.ExecuteNonQueryAsync();
        }

        await using (var change = Database.DataSource.CreateCommand("update users set token_hash = $2 where id = $1").With(rotating.Id, Tokens.Hash(newToken)))
        {
            await change.ExecuteNonQueryAsync();
        }

        // then: every old token is refused everywhere, and the new one works at once (failures are not cached)
        foreach (var (_, http) in clients)
        {
            await RefusedAtOnceAsync(http, "/api/challenges", "a deleted or re-tokened user");
            http.Dispose();
        }

        using var rotated = B.HttpFor(newToken);
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/api/challenges")).StatusCode);
    }

    [Fact]
    public async Task A_partner_key_revoked_through_one_server_is_refused_at_once_by_the_other()
    {
        // given
        using var admin = A.HttpFor(PlatformFactory.AdminToken);
        var issued = await admin.PostAsJsonAsync("/api/admin/partner-keys", new CreatePartnerKeyRequest("lever"));
        var key = (await issued.Content.ReadFromJsonAsync<CreatedPartnerKey>(JsonSerializerOptions.Web))!;
        using var onA = Ats(A, key.Key);
        using var onB = Ats(B, key.Key);
        await WarmAsync(onA, A, "/api/partner/tests");
        await WarmAsync(onB, B, "/api/partner/tests");

        // when
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/partner-keys/{key.Id}/revoke", null)).StatusCode);

        // then
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/partner/tests")).StatusCode);
        await RefusedAtOnceAsync(onB, "/api/partner/tests", "the revoked partner key on server B");
    }

    [Fact]
    public async Task A_page_session_signed_out_on_one_server_is_refused_at_once_by_the_other()
    {
        // given: a page session cached on both servers
        using var browserOnA = BrowserLike.Client(A);
        using var browserOnB = BrowserLike.Client(B);
        var session = await BrowserLike.SignInAsync(browserOnA, await InterviewerAsync());
        foreach (var (server, browser) in new[] { (A, browserOnA), (B, browserOnB) })
        {
            var before = Cache(server).Lookups;
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode);
            Assert.Equal(before + 1, Cache(server).Lookups);
        }

        // when
        using var signOut = await browserOnA.SendAsync(BrowserLike.Form("/signout", new Dictionary<string, string>(), session));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // then
        Assert.Equal(HttpStatusCode.Unauthorized, (await browserOnA.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode);
        await Eventually.GetAsync(
            async () => (await browserOnB.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode,
            s => s == HttpStatusCode.Unauthorized, AtOnce, "the signed-out session on server B", Poll);
    }

    [Fact]
    public async Task An_invitation_that_expires_while_cached_is_refused_at_its_expiry_without_any_notification()
    {
        // given: an invitation cached with an expiry ten seconds away (the update's own notification comes
        // and goes first; ten, so that caching it on a saturated host cannot outlast it)
        var invitation = await InvitationAsync("Eve");
        DateTimeOffset expiry;
        await using (var soon = Database.DataSource.CreateCommand("update invitations set expires_at = now() + interval '10 seconds' where id = $1 returning expires_at").With(invitation.Id))
        {
            expiry = new DateTimeOffset((DateTime)(await soon.ExecuteScalarAsync())!);
        }

        using var onB = B.HttpFor(invitation.Token);
        await Eventually.GetAsync(
            async () =>
            {
                var before = Cache(B).Lookups;
                Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);
                return Cache(B).Lookups == before;
            },
            fromCache => fromCache, AtOnce, "the token answered from B's cache", Poll);

        // when: time passes, which nobody announces
        var untilExpired = expiry - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired);
        }

        // then
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_hundred_authenticated_requests_ask_the_database_who_is_calling_once()
    {
        var invitation = await InvitationAsync("Polly");
        using var interviewer = B.HttpFor(await InterviewerAsync());
        using var candidate = B.HttpFor(invitation.Token);
        var before = Cache(B).Lookups;

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await interviewer.GetAsync("/api/challenges")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/api/me")).StatusCode);
        }

        // one lookup per caller; a notification from another test's change may cost one more each
        Assert.InRange(Cache(B).Lookups - before, 2, 4);
    }

    [Fact]
    public async Task After_the_listener_connection_drops_the_server_reconnects_and_revocation_is_immediate_again()
    {
        // given: B's listening connection is killed, as a database restart or a network cut would
        var invitation = await InvitationAsync("Dora");
        using var onB = B.HttpFor(invitation.Token);
        await WarmAsync(onB, B, "/api/me");
        await using (var kill = Database.DataSource.CreateCommand(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1").With(AuthChangeListener.ApplicationName))
        {
            await kill.ExecuteNonQueryAsync();
        }

        // then: it listens again (starting empty), and a revocation is refused at once as before
        await Eventually.GetAsync(() => Task.FromResult(Cache(B).Listening), l => !l, TimeSpan.FromSeconds(10), "B noticing the drop", Poll);
        await Eventually.GetAsync(() => Task.FromResult(Cache(B).Listening), l => l, TimeSpan.FromSeconds(10), "B listening again");
        await WarmAsync(onB, B, "/api/me");
        await A.ClientFor(await InterviewerAsync()).RevokeInvitationAsync(invitation.Id);
        await RefusedAtOnceAsync(onB, "/api/me", "the invitation revoked after the reconnect");
    }


    /// <summary>Two requests that succeed, the second answered from the cache.</summary>
    private static async Task WarmAsync(HttpClient http, PlatformFactory server, string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
        var before = Cache(server).Lookups;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
        Assert.Equal(before, Cache(server).Lookups);
    }

    private static Task RefusedAtOnceAsync(HttpClient http, string path, string what) =>
        Eventually.GetAsync(async () => (await http.GetAsync(path)).StatusCode, s => s == HttpStatusCode.Unauthorized, AtOnce, what, Poll);

    private static HttpClient Ats(PlatformFactory server, string key)
    {
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return http;
    }

    private async Task<string> InterviewerAsync()
    {
        _interviewer ??= (await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ines", Roles.Interviewer))).Token;
        return _interviewer;
    }

    private string? _interviewer;

    private async Task<CreatedInvitation> InvitationAsync(string candidate) =>
        await A.ClientFor(await InterviewerAsync()).CreateInvitationAsync(new CreateInvitationRequest("api-design", candidate));
}
