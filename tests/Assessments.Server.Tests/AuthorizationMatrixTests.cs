using System.Net;
using System.Net.Http.Json;
using Assessments.Client;
using Assessments.Domain.Reports;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Assessments.Server.Tests;

/// <summary>
/// Every endpoint the server maps, called as anonymous, candidate, another candidate, interviewer and
/// admin, against the status each must get. A new endpoint without a row here fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformSeed seed, ITestOutputHelper output) : IClassFixture<PlatformSeed>
{
    private enum Caller
    {
        Anonymous,
        Candidate,
        OtherCandidate,
        Interviewer,
        Admin,
    }

    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_its_policy_says()
    {
        // given: candidate A's submission has a report, so that report endpoints have something to show
        await seed.FinishWithReportAsync(seed.SubmissionOfA, FakeReports.With(ReportStatus.Graded));
        var a = seed.SubmissionOfA;
        var rows = Rows(a);

        // then: the table covers every endpoint the server maps
        var mapped = seed.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<Assessments.Server.Pages.PageEndpoint>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(e => !e.Contains("/scalar", StringComparison.Ordinal) && !e.Contains("{documentName}", StringComparison.Ordinal))
            .ToHashSet();
        var covered = rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();
        Assert.Empty(mapped.Except(covered));

        // when: each row is called by each kind of caller
        var failures = new List<string>();
        foreach (var row in rows)
        {
            foreach (var (caller, expected) in row.Expected)
            {
                using var http = seed.Factory.HttpFor(TokenOf(caller));
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path) { Content = row.Body?.Invoke() };
                using var response = await http.SendAsync(request);
                var line = $"{row.Method} {row.Path} as {caller}: {(int)response.StatusCode} (expected {(int)expected})";
                output.WriteLine(line);
                if (response.StatusCode != expected)
                {
                    failures.Add(line);
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task An_expired_invite_token_is_refused_with_401()
    {
        var invitation = await seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Late Larry"));
        await using (var expire = seed.Database.DataSource.CreateCommand($"update invitations set expires_at = now() - interval '1 minute' where id = '{invitation.Id}'"))
        {
            await expire.ExecuteNonQueryAsync();
        }

        using var http = seed.Factory.HttpFor(invitation.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/api/me/submissions", Upload())).StatusCode);
    }

    [Fact]
    public async Task A_revoked_invite_token_is_refused_with_401_and_the_revocation_is_audited()
    {
        var interviewer = seed.Factory.ClientFor(seed.InterviewerToken);
        var invitation = await interviewer.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Revoked Rita"));
        using var http = seed.Factory.HttpFor(invitation.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me")).StatusCode);

        await interviewer.RevokeInvitationAsync(invitation.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
        var audit = await seed.Admin.ListAuditAsync();
        Assert.Contains(audit, e => e.Action == "invitation.revoke" && e.EntityId == invitation.Id.ToString() && e.Actor == "interviewer:ines");
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_refused_with_401()
    {
        using var unknown = seed.Factory.HttpFor("not-a-token-anyone-was-given");
        using var refused = await unknown.GetAsync("/api/submissions");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        using var malformed = seed.Factory.HttpFor(new string('x', 500));
        Assert.Equal(HttpStatusCode.Unauthorized, (await malformed.GetAsync("/api/submissions")).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        await using var command = seed.Database.DataSource.CreateCommand("select count(*) from invitations where encode(token_hash, 'escape') like '%' || $1 || '%'");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = seed.CandidateA.Token });
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        await using var length = seed.Database.DataSource.CreateCommand("select distinct length(token_hash) from invitations");
        Assert.Equal(32, (int)(await length.ExecuteScalarAsync())!);
    }

    private string? TokenOf(Caller caller) => caller switch
    {
        Caller.Candidate => seed.CandidateA.Token,
        Caller.OtherCandidate => seed.CandidateB.Token,
        Caller.Interviewer => seed.InterviewerToken,
        Caller.Admin => PlatformFactory.AdminToken,
        _ => null,
    };

    private static ByteArrayContent Upload()
    {
        var content = new ByteArrayContent(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        content.Headers.ContentType = new("application/octet-stream");
        return content;
    }

    private List<Row> Rows(Guid a)
    {
        var staff = Staff(HttpStatusCode.OK);
        var throwaway = seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Throwaway")).GetAwaiter().GetResult();
        var users = 0;
        return
        [
            new("GET", "/health/live", "/health/live", Everyone(HttpStatusCode.OK)),
            new("GET", "/health/ready", "/health/ready", Everyone(HttpStatusCode.OK)),
            new("GET", "/metrics", "/metrics", Everyone(HttpStatusCode.OK)),
            new("GET", "/api/challenges/", "/api/challenges", staff),
            new("GET", "/api/challenges/{id}", "/api/challenges/api-design", staff),
            new("GET", "/api/challenges/{id}/starter", "/api/challenges/api-design/starter", staff),
            new("GET", "/api/challenges/{id}/kit", "/api/challenges/api-design/kit", staff),
            // The seed's own calibration of api-design is still queued: one at a time per challenge.
            new("POST", "/api/challenges/{id}/calibrations", "/api/challenges/api-design/calibrations", Staff(HttpStatusCode.Conflict)),
            new("GET", "/api/calibrations/{id:guid}", $"/api/calibrations/{seed.CalibrationRun}", staff),
            new("POST", "/api/invitations/", "/api/invitations", Staff(HttpStatusCode.Created), () => JsonContent.Create(new CreateInvitationRequest("api-design", "Matrix"))),
            new("GET", "/api/invitations/", "/api/invitations", staff),
            new("POST", "/api/invitations/{id:guid}/revoke", $"/api/invitations/{throwaway.Id}/revoke", staff),
            new("GET", "/api/me/", "/api/me", Candidate(HttpStatusCode.OK, HttpStatusCode.OK)),
            new("GET", "/api/me/starter", "/api/me/starter", Candidate(HttpStatusCode.OK, HttpStatusCode.OK)),
            new("GET", "/api/me/kit", "/api/me/kit", Candidate(HttpStatusCode.OK, HttpStatusCode.OK)),
            new("POST", "/api/me/submissions", "/api/me/submissions", Candidate(HttpStatusCode.Accepted, HttpStatusCode.Accepted), Upload),
            new("GET", "/api/me/submissions", "/api/me/submissions", Candidate(HttpStatusCode.OK, HttpStatusCode.OK)),
            new("GET", "/api/me/submissions/{id:guid}", $"/api/me/submissions/{a}", Candidate(HttpStatusCode.OK, HttpStatusCode.NotFound)),
            new("GET", "/api/me/submissions/{id:guid}/feedback", $"/api/me/submissions/{a}/feedback", Candidate(HttpStatusCode.OK, HttpStatusCode.NotFound)),
            new("GET", "/api/submissions/", "/api/submissions?state=finished", staff),
            new("GET", "/api/submissions/{id:guid}", $"/api/submissions/{a}", staff),
            new("GET", "/api/submissions/{id:guid}/report", $"/api/submissions/{a}/report", staff),
            new("GET", "/api/submissions/{id:guid}/report.html", $"/api/submissions/{a}/report.html", staff),
            new("PUT", "/api/submissions/{id:guid}/level", $"/api/submissions/{a}/level", staff, () => JsonContent.Create(new LevelOverrideRequest("junior", "seen in the interview"))),
            new("POST", "/api/submissions/{id:guid}/notes", $"/api/submissions/{a}/notes", Staff(HttpStatusCode.Created), () => JsonContent.Create(new NoteRequest("solid"))),
            new("GET", "/api/submissions/{id:guid}/notes", $"/api/submissions/{a}/notes", staff),
            new("POST", "/api/users/", "/api/users", AdminOnly(HttpStatusCode.Created), () => JsonContent.Create(new CreateUserRequest($"user{++users}", Roles.Interviewer))),
            new("GET", "/api/users/", "/api/users", AdminOnly(HttpStatusCode.OK)),
            new("GET", "/api/admin/dead-letters", "/api/admin/dead-letters", AdminOnly(HttpStatusCode.OK)),
            new("GET", "/api/admin/runners", "/api/admin/runners", AdminOnly(HttpStatusCode.OK)),
            new("POST", "/api/admin/dead-letters/{jobId:guid}/retry", $"/api/admin/dead-letters/{Guid.NewGuid()}/retry", AdminOnly(HttpStatusCode.NotFound)),
            new("GET", "/api/admin/audit", "/api/admin/audit", AdminOnly(HttpStatusCode.OK)),
            // Webhooks: an admin's bad target is refused (no endpoint is made, so no delivery leaves this machine).
            new("POST", "/api/admin/webhooks/", "/api/admin/webhooks", AdminOnly(HttpStatusCode.BadRequest), () => JsonContent.Create(new { url = "ftp://hooks.invalid/x", events = new[] { "grading.completed" } })),
            new("GET", "/api/admin/webhooks/", "/api/admin/webhooks", AdminOnly(HttpStatusCode.OK)),
            new("DELETE", "/api/admin/webhooks/{id:guid}", $"/api/admin/webhooks/{Guid.NewGuid()}", AdminOnly(HttpStatusCode.NotFound)),
            new("GET", "/api/admin/webhooks/{id:guid}/deliveries", $"/api/admin/webhooks/{Guid.NewGuid()}/deliveries", AdminOnly(HttpStatusCode.NotFound)),
            new("GET", "/api/admin/webhooks/{id:guid}/deliveries/{deliveryId:guid}", $"/api/admin/webhooks/{Guid.NewGuid()}/deliveries/{Guid.NewGuid()}", AdminOnly(HttpStatusCode.NotFound)),
            new("POST", "/api/admin/webhooks/{id:guid}/deliveries/{deliveryId:guid}/redeliver", $"/api/admin/webhooks/{Guid.NewGuid()}/deliveries/{Guid.NewGuid()}/redeliver", AdminOnly(HttpStatusCode.NotFound)),
            new("POST", "/api/admin/partner-keys/", "/api/admin/partner-keys", AdminOnly(HttpStatusCode.Created), () => JsonContent.Create(new { name = $"ats{++users}" })),
            new("GET", "/api/admin/partner-keys/", "/api/admin/partner-keys", AdminOnly(HttpStatusCode.OK)),
            new("POST", "/api/admin/partner-keys/{id:guid}/revoke", $"/api/admin/partner-keys/{Guid.NewGuid()}/revoke", AdminOnly(HttpStatusCode.NotFound)),
            // The partner API takes a partner key only: no bearer token of any role opens it.
            new("GET", "/api/partner/tests", "/api/partner/tests", Everyone(HttpStatusCode.Unauthorized)),
            new("POST", "/api/partner/tests/send", "/api/partner/tests/send", Everyone(HttpStatusCode.Unauthorized), () => JsonContent.Create(new { partner_test_id = "api-design" })),
            new("GET", "/api/partner/tests/{partnerInterviewId:guid}/status", $"/api/partner/tests/{Guid.NewGuid()}/status", Everyone(HttpStatusCode.Unauthorized)),
            new("GET", "/api/partner/tests/{partnerInterviewId:guid}/report", $"/api/partner/tests/{Guid.NewGuid()}/report", Everyone(HttpStatusCode.Unauthorized)),
            new("GET", "/api/submissions/{id:guid}/similar", $"/api/submissions/{a}/similar", staff),
            new("GET", "/api/challenges/{id}/similarity", "/api/challenges/api-design/similarity", staff),
            new("PUT", "/api/similarity/pairs/{id:guid}/review", $"/api/similarity/pairs/{Guid.NewGuid()}/review", Staff(HttpStatusCode.NotFound), () => JsonContent.Create(new { review = "independent", note = "written separately" })),
            new("POST", "/api/admin/similarity/{challengeId}/reindex", "/api/admin/similarity/no-such-challenge/reindex", AdminOnly(HttpStatusCode.NotFound)),
        ];
    }

    private static Dictionary<Caller, HttpStatusCode> Everyone(HttpStatusCode ok) =>
        Enum.GetValues<Caller>().ToDictionary(c => c, _ => ok);

    private static Dictionary<Caller, HttpStatusCode> Staff(HttpStatusCode ok) => new()
    {
        [Caller.Anonymous] = HttpStatusCode.Unauthorized,
        [Caller.Candidate] = HttpStatusCode.Forbidden,
        [Caller.OtherCandidate] = HttpStatusCode.Forbidden,
        [Caller.Interviewer] = ok,
        [Caller.Admin] = ok,
    };

    private static Dictionary<Caller, HttpStatusCode> AdminOnly(HttpStatusCode ok) => new()
    {
        [Caller.Anonymous] = HttpStatusCode.Unauthorized,
        [Caller.Candidate] = HttpStatusCode.Forbidden,
        [Caller.OtherCandidate] = HttpStatusCode.Forbidden,
        [Caller.Interviewer] = HttpStatusCode.Forbidden,
        [Caller.Admin] = ok,
    };

    private static Dictionary<Caller, HttpStatusCode> Candidate(HttpStatusCode own, HttpStatusCode other) => new()
    {
        [Caller.Anonymous] = HttpStatusCode.Unauthorized,
        [Caller.Candidate] = own,
        [Caller.OtherCandidate] = other,
        [Caller.Interviewer] = HttpStatusCode.Forbidden,
        [Caller.Admin] = HttpStatusCode.Forbidden,
    };

    private sealed record Row(string Method, string Route, string Path, Dictionary<Caller, HttpStatusCode> Expected, Func<HttpContent>? Body = null);
}
