using System.Net;
using System.Net.Http.Json;
using Assessments.Client;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>Attacks on signing in and on the session: open redirects, login CSRF through an invitation link, a stolen cookie.</summary>
public sealed class SessionAttackTests(PlatformSeed seed) : IClassFixture<PlatformSeed>
{
    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("https://evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_url_smuggling_another_site_past_sign_in_lands_on_the_default_page(string returnUrl)
    {
        using var http = BrowserLike.Client(seed.Factory);

        using var response = await http.SendAsync(BrowserLike.Form("/signin", new Dictionary<string, string> { ["token"] = seed.InterviewerToken, ["returnUrl"] = returnUrl }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/review", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_return_url_on_this_server_survives_sign_in()
    {
        using var http = BrowserLike.Client(seed.Factory);
        var back = $"/review/submissions/{seed.SubmissionOfA}?tab=notes";

        using var response = await http.SendAsync(BrowserLike.Form("/signin", new Dictionary<string, string> { ["token"] = seed.InterviewerToken, ["returnUrl"] = back }));

        Assert.Equal(back, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_attackers_invitation_link_opened_by_a_signed_in_interviewer_does_not_replace_the_session()
    {
        // given: an interviewer signed in on the pages, and a link to an invitation the attacker holds
        using var http = BrowserLike.Client(seed.Factory);
        var interviewer = await BrowserLike.SignInAsync(http, seed.InterviewerToken);
        var attacker = await seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Mallory"));

        // when: the link is opened, and even its form posted back from this origin
        using var opened = await http.SendAsync(BrowserLike.Get($"/invite/{attacker.Token}", interviewer));
        using var posted = await http.SendAsync(BrowserLike.Form("/invite", new Dictionary<string, string> { ["token"] = attacker.Token }, interviewer));

        // then: no new session is set; the page asks before switching; the interviewer is still signed in
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Null(BrowserLike.SessionCookie(opened));
        Assert.Null(BrowserLike.SessionCookie(posted));
        var confirm = await posted.Content.ReadAsStringAsync();
        Assert.Contains("You are already signed in", confirm, StringComparison.Ordinal);
        Assert.Contains("name=\"switch\" value=\"yes\"", confirm, StringComparison.Ordinal);
        using var review = await http.SendAsync(BrowserLike.Get("/review", interviewer));
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);

        // and: switching happens only when confirmed
        using var confirmed = await http.SendAsync(BrowserLike.Form("/invite", new Dictionary<string, string> { ["token"] = attacker.Token, ["switch"] = "yes" }, interviewer));
        Assert.Equal("/candidate", confirmed.Headers.Location?.OriginalString);
        Assert.NotNull(BrowserLike.SessionCookie(confirmed));
    }

    [Fact]
    public async Task A_stolen_session_cookie_is_not_the_token_and_stops_working_after_sign_out_or_expiry()
    {
        using var http = BrowserLike.Client(seed.Factory);
        var session = await BrowserLike.SignInAsync(http, seed.InterviewerToken);
        Assert.DoesNotContain(seed.InterviewerToken, session, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode);

        // sign-out revokes the session on the server: a copy of the cookie is worth nothing
        using var signOut = await http.SendAsync(BrowserLike.Form("/signout", new Dictionary<string, string>(), session));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(BrowserLike.Get("/api/submissions", session))).StatusCode);

        // and a session ends by itself when it expires
        var another = await BrowserLike.SignInAsync(http, seed.InterviewerToken);
        await using (var expire = seed.Database.DataSource.CreateCommand("update sessions set expires_at = now() - interval '1 second' where revoked_at is null"))
        {
            await expire.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(BrowserLike.Get("/api/submissions", another))).StatusCode);
    }

    [Fact]
    public async Task The_report_html_fetched_from_the_api_carries_the_framed_reports_security_headers()
    {
        var (_, submission) = await UploadAsync("Hostile Reporter");
        await seed.FinishWithReportAsync(submission, FakeReports.With(Domain.Reports.ReportStatus.Graded));
        using var http = seed.Factory.HttpFor(seed.InterviewerToken);

        using var response = await http.GetAsync($"/api/submissions/{submission}/report.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Answers_that_carry_a_new_token_tell_every_cache_not_to_keep_them()
    {
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);
        using var admin = seed.Factory.HttpFor(PlatformFactory.AdminToken);

        using var invitation = await interviewer.PostAsJsonAsync("/api/invitations", new CreateInvitationRequest("api-design", "Cached Carla"));
        using var user = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest("cached-carl", Roles.Interviewer));

        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.True(invitation.Headers.CacheControl?.NoStore, "invitation answer is no-store");
        Assert.True(user.Headers.CacheControl?.NoStore, "user answer is no-store");
    }

    [Fact]
    public async Task A_twenty_million_character_override_reason_is_refused_and_a_level_typed_in_capitals_is_stored_normalised()
    {
        var (_, submission) = await UploadAsync("Verbose Vera");
        using var http = seed.Factory.HttpFor(seed.InterviewerToken);

        using var huge = await http.PutAsJsonAsync($"/api/submissions/{submission}/level", new LevelOverrideRequest("junior", new string('x', 20_000_000)));
        using var longest = await http.PutAsJsonAsync($"/api/submissions/{submission}/level", new LevelOverrideRequest("junior", new string('x', 2_001)));
        using var shouted = await http.PutAsJsonAsync($"/api/submissions/{submission}/level", new LevelOverrideRequest("SENIOR", "strong design interview"));

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longest.StatusCode);
        Assert.Contains("2,000", await longest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, shouted.StatusCode);
        var seniors = await seed.Factory.ClientFor(seed.InterviewerToken).ListSubmissionsAsync(level: "senior");
        Assert.Contains(seniors, s => s.Id == submission && s.OverrideLevel == "senior");
    }

    private async Task<(CreatedInvitation Invitation, Guid Submission)> UploadAsync(string candidate)
    {
        var invitation = await seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", candidate));
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        return (invitation, (await seed.Factory.ClientFor(invitation.Token).UploadSubmissionAsync(archive)).Id);
    }
}
