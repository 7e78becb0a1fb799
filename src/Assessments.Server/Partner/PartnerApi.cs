using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Invitations;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Hosting;
using Assessments.Server.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Partner;

/// <summary>
/// The ATS partner API, shaped like Greenhouse's Assessment Partner API: list tests, send a test to a
/// candidate (an ordinary invitation, with the ATS's candidate id kept), the test's status, and once
/// graded its score, level, report link and the candidate's profile link on this platform.
/// </summary>
public static class PartnerApi
{
    public static IEndpointRouteBuilder MapPartner(this IEndpointRouteBuilder app)
    {
        var policy = new AuthorizationPolicyBuilder(PartnerKeyHandler.SchemeName).RequireRole(PartnerKeyHandler.Role).Build();
        var group = app.MapGroup("/api/partner").WithTags("ATS partner").RequireAuthorization(policy);
        group.MapGet("/tests", ListTests).WithName("PartnerListTests").WithSummary("The tests (challenges) an ATS can send.")
            .WithDescription("Partner key (HTTP Basic, the key as user name). Greenhouse `list_tests`: each challenge as `partner_test_id` and `partner_test_name`.");
        group.MapPost("/tests/send", SendAsync).AnswersWithSecret().WithName("PartnerSendTest").WithSummary("Sends a test to a candidate: creates an invitation.")
            .WithDescription("Partner key. Greenhouse `send_test`. `partner_test_id` must be a challenge id and the candidate needs a first or last name (1 to 200 characters together); `valid_for_hours` 1 to 2160. Answers 201 with `partner_interview_id`, the candidate's token and the link to give them (the ATS sends the e-mail). The invitation is like any other: it expires, can be revoked, and is audited.");
        group.MapGet("/tests/{partnerInterviewId:guid}/status", StatusAsync).WithName("PartnerTestStatus").WithSummary("Where a sent test stands, with the result once graded.")
            .WithDescription("Partner key. Greenhouse `test_status`: `partner_status` is sent, grading, complete, failed, expired or revoked; when complete, `partner_score`, `partner_level`, `report_url` (this API, same key) and `partner_profile_url` (the interviewers' review page). 404 for an interview another key sent.");
        group.MapGet("/tests/{partnerInterviewId:guid}/report", ReportAsync).WithName("PartnerTestReport").WithSummary("The graded report as an HTML page.")
            .WithDescription("Partner key. The report interviewers read, self-contained HTML. 404 until the test is graded, or for an interview another key sent. It carries an ETag with `Cache-Control: private, no-cache` (a later graded upload takes the link over): `If-None-Match` with a current tag is answered 304 without a body.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status304NotModified);
        return app;
    }

    private static Ok<IReadOnlyList<PartnerTest>> ListTests(ChallengeCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<PartnerTest>>(catalog.All.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => new PartnerTest(c.Id, c.Title)).ToList());

    private static async Task<Results<Created<SentTest>, ValidationProblem>> SendAsync(
        SendTestRequest request, ClaimsPrincipal partner, HttpContext http, ChallengeCatalog catalog, IOptions<ServerOptions> options, InvitationStore invitations, CancellationToken cancellationToken)
    {
        var name = string.Join(' ', new[] { request.Candidate?.FirstName, request.Candidate?.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var errors = new Dictionary<string, string[]>();
        if (catalog.Find(request.PartnerTestId ?? string.Empty) is null)
        {
            errors["partner_test_id"] = [$"no test '{request.PartnerTestId}'"];
        }

        if (name.Length is 0 or > 200)
        {
            errors["candidate"] = ["a candidate's first and last name have 1 to 200 characters together"];
        }

        if (request.ValidForHours is < 1 or > 24 * 90)
        {
            errors["valid_for_hours"] = ["between 1 and 2160 hours"];
        }

        if (request.Candidate?.Id?.Length > 200)
        {
            errors["candidate.id"] = ["at most 200 characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var expires = DateTimeOffset.UtcNow.AddHours(request.ValidForHours ?? options.Value.InvitationHours);
        var (id, token, _) = await invitations.IssueAsync(
            partner, InvitationOrigin.Partner(partner, request.Candidate?.Id), request.PartnerTestId!, name, expires, cancellationToken);
        var testUrl = $"{http.Request.Scheme}://{http.Request.Host}/invite/{Uri.EscapeDataString(token)}";
        return TypedResults.Created($"/api/partner/tests/{id}/status", new SentTest(id, testUrl, token, expires));
    }

    private static async Task<Results<Ok<PartnerTestStatus>, NotFound>> StatusAsync(
        Guid partnerInterviewId, ClaimsPrincipal partner, HttpContext http, PartnerInvitations invitations, CancellationToken cancellationToken)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var status = await invitations.StatusAsync(
            partner.Id(), partnerInterviewId, id => $"{origin}/api/partner/tests/{id}/report", id => $"{origin}/review/submissions/{id}", cancellationToken);
        return status is null ? TypedResults.NotFound() : TypedResults.Ok(status);
    }

    private static async Task<Results<StoredReportResult, StatusCodeHttpResult, NotFound>> ReportAsync(
        Guid partnerInterviewId, ClaimsPrincipal partner, PartnerInvitations invitations, HttpContext http, CancellationToken cancellationToken)
    {
        if (await invitations.LatestReportAsync(partner.Id(), partnerInterviewId, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound();
        }

        // The report carries candidate-controlled text (escaped); it still runs no script and embeds nothing.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

        // A later upload, once graded, takes this link over: revalidated on every use, like report.html.
        return ReportCaching.IsCurrent(http, version.HtmlTag("partner"), ReportCaching.RenderedReport)
            ? ReportCaching.NotModified()
            : StoredReportResult.Html(version.SubmissionId);
    }
}
