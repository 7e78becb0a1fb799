using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Invitations;

/// <summary>Invitations: a candidate's token for one challenge, expiring and revocable.</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/invitations").WithTags("Invitations").RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateAsync).AnswersWithSecret().WithName("CreateInvitation").WithSummary("Invites a candidate to a challenge; the token is shown only in this answer.")
            .WithDescription("Staff. Validates the challenge id, the candidate's name (1 to 200 characters) and `validForHours` (1 to 2160; the server's default when absent) and answers 400 with a validation problem per field otherwise. The candidate's bearer token is in this answer only: the database keeps its hash. Audited.");
        group.MapGet("/", ListAsync).WithName("ListInvitations").WithSummary("Every invitation, newest first.")
            .WithDescription("Staff. Every invitation with its challenge, candidate, expiry and revocation time; tokens are never shown again.");
        group.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeInvitation").WithSummary("Revokes an invitation: its token stops working at once.")
            .WithDescription("Staff. Idempotent: revoking twice keeps the first revocation time. From the next request on, the candidate's token is refused with 401. Audited. 404 for an unknown id.");
        return app;
    }

    private static async Task<Results<Created<CreatedInvitation>, ValidationProblem>> CreateAsync(
        CreateInvitationRequest request, ClaimsPrincipal user, ChallengeCatalog catalog, IOptions<ServerOptions> options, InvitationStore invitations, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (catalog.Find(request.ChallengeId ?? string.Empty) is null)
        {
            errors["challengeId"] = [$"no challenge '{request.ChallengeId}'"];
        }

        if (string.IsNullOrWhiteSpace(request.CandidateName) || request.CandidateName.Length > InputLimits.CandidateNameChars)
        {
            errors["candidateName"] = [$"a candidate name has 1 to {InputLimits.CandidateNameChars} characters"];
        }

        if (request.ValidForHours is < 1 or > 24 * 90)
        {
            errors["validForHours"] = ["between 1 and 2160 hours"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var name = request.CandidateName.Trim();
        var expires = DateTimeOffset.UtcNow.AddHours(request.ValidForHours ?? options.Value.InvitationHours);
        var issued = await invitations.IssueAsync(user, InvitationOrigin.Staff(user), request.ChallengeId!, name, expires, cancellationToken);
        return TypedResults.Created($"/api/invitations/{issued.Id}", new CreatedInvitation(issued.Id, request.ChallengeId!, name, expires, issued.Token));
    }

    private static async Task<Ok<IReadOnlyList<InvitationSummary>>> ListAsync(InvitationStore invitations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.ListAsync(cancellationToken));

    private static async Task<Results<Ok<InvitationSummary>, NotFound>> RevokeAsync(Guid id, ClaimsPrincipal user, InvitationStore invitations, CallerCache callers, CancellationToken cancellationToken)
    {
        if (await invitations.RevokeAsync(id, user, cancellationToken) is not { } revoked)
        {
            return TypedResults.NotFound();
        }

        // The notification reaches this server too, a moment later; the revoker's next request must not be that moment.
        callers.Evict($"invitation:{id}");
        return TypedResults.Ok(revoked);
    }
}
