using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assessments.Server.Partner;

/// <summary>Admins issue, list and revoke the API keys applicant tracking systems call the partner API with.</summary>
public static class PartnerKeysApi
{
    public static IEndpointRouteBuilder MapPartnerKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/partner-keys").WithTags("Partner keys").RequireAuthorization(Policies.Admin);
        group.MapPost("/", CreateAsync).AnswersWithSecret().WithName("CreatePartnerKey").WithSummary("Issues an API key for an ATS; the key is shown only in this answer.")
            .WithDescription("Admin only. `name` (1 to 100 characters) says which integration holds it; 400 otherwise. The ATS sends the key as the user name of HTTP Basic authentication (Greenhouse's convention). Only its SHA-256 is stored. Audited.");
        group.MapGet("/", ListAsync).WithName("ListPartnerKeys").WithSummary("Every partner key, without the keys themselves.")
            .WithDescription("Admin only. Name, the key's first characters, when it was issued, last used and revoked.");
        group.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokePartnerKey").WithSummary("Revokes a partner key: it stops working at once.")
            .WithDescription("Admin only. Idempotent (the first revocation time is kept); 404 for an unknown key. Invitations the key created keep working. Audited.");
        return app;
    }

    private static async Task<Results<Created<CreatedPartnerKey>, ValidationProblem>> CreateAsync(
        CreatePartnerKeyRequest request, ClaimsPrincipal user, PartnerKeyStore keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["a key's name has 1 to 100 characters"] });
        }

        var id = Guid.CreateVersion7();
        var key = PartnerKeyHandler.KeyPrefix + Tokens.New();
        var prefix = key[..10];
        var createdAt = await keys.CreateAsync(id, request.Name.Trim(), key, prefix, user, cancellationToken);
        return TypedResults.Created($"/api/admin/partner-keys/{id}", new CreatedPartnerKey(id, request.Name.Trim(), prefix, createdAt, key));
    }

    private static async Task<Ok<IReadOnlyList<PartnerKeySummary>>> ListAsync(PartnerKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, ClaimsPrincipal user, PartnerKeyStore keys, CallerCache callers, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, user, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Other servers hear of it by notification; this one forgets the key before answering.
        callers.Evict($"partner-key:{id}");
        return TypedResults.NoContent();
    }
}
