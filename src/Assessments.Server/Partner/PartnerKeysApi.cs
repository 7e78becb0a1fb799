using System.Security.Claims;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

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
        CreatePartnerKeyRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["a key's name has 1 to 100 characters"] });
        }

        var id = Guid.CreateVersion7();
        var key = PartnerKeyHandler.KeyPrefix + Tokens.New();
        var prefix = key[..10];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        DateTimeOffset createdAt;
        await using (var insert = new NpgsqlCommand(
            "insert into partner_api_keys (id, name, key_hash, prefix, created_by) values ($1, $2, $3, $4, $5) returning created_at",
            connection,
            transaction).With(id, request.Name.Trim(), Tokens.Hash(key), prefix, user.Actor()))
        {
            createdAt = new DateTimeOffset((DateTime)(await insert.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);
        }

        await AuditLog.WriteAsync(connection, transaction, user, "partner-key.create", "partner_key", id.ToString(), null, new { name = request.Name.Trim(), prefix }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/partner-keys/{id}", new CreatedPartnerKey(id, request.Name.Trim(), prefix, createdAt, key));
    }

    private static async Task<Ok<IReadOnlyList<PartnerKeySummary>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, name, prefix, created_at, revoked_at, last_used_at from partner_api_keys order by created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<PartnerKeySummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new PartnerKeySummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.NullableField<DateTimeOffset?>(4), reader.NullableField<DateTimeOffset?>(5)));
        }

        return TypedResults.Ok<IReadOnlyList<PartnerKeySummary>>(keys);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CallerCache callers, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var revoke = new NpgsqlCommand("update partner_api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1", connection, transaction).With(id))
        {
            if (await revoke.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return TypedResults.NotFound();
            }
        }

        await AuditLog.WriteAsync(connection, transaction, user, "partner-key.revoke", "partner_key", id.ToString(), null, new { revoked = true }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Other servers hear of it by notification; this one forgets the key before answering.
        callers.Evict($"partner-key:{id}");
        return TypedResults.NoContent();
    }
}
