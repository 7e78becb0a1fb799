using System.Security.Claims;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Npgsql;

namespace Assessments.Server.Invitations;

/// <summary>
/// The <c>invitations</c> table. Issuing and revoking write their audit entry in the same transaction,
/// so staff and an ATS (the partner API) issue invitations the same way and a rule about tokens, expiry
/// or auditing holds for both. What the partner API reads is in <c>InvitationStore.Partner.cs</c>.
/// </summary>
public sealed partial class InvitationStore(NpgsqlDataSource dataSource)
{
    private const string Select = "select id, challenge_id, candidate_name, expires_at, revoked_at, created_at from invitations";

    internal async Task<IssuedInvitation> IssueAsync(
        ClaimsPrincipal actor, InvitationOrigin origin, string challengeId, string candidateName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var token = Tokens.New();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            """
            insert into invitations (id, challenge_id, candidate_name, token_hash, expires_at, created_by, partner_key_id, partner_candidate)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            connection,
            transaction).With(id, challengeId, candidateName, Tokens.Hash(token), expiresAt, origin.CreatedBy, origin.PartnerKeyId, origin.PartnerCandidate))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "invitation.create", "invitation", id.ToString(), null,
            new { challengeId, candidateName, expiresAt, partnerCandidate = origin.PartnerCandidate }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedInvitation(id, token, expiresAt);
    }

    /// <summary>Every invitation, newest first.</summary>
    public async Task<IReadOnlyList<InvitationSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} order by created_at desc");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<InvitationSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    /// <summary>Revokes an invitation (keeping the first revocation time), audited; null for an unknown id.</summary>
    public async Task<InvitationSummary?> RevokeAsync(Guid id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "update invitations set revoked_at = coalesce(revoked_at, now()) where id = $1 returning id, challenge_id, candidate_name, expires_at, revoked_at, created_at",
            connection,
            transaction).With(id);
        InvitationSummary revoked;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            revoked = Read(reader);
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "invitation.revoke", "invitation", id.ToString(), new { revokedAt = (DateTimeOffset?)null }, new { revoked.RevokedAt }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    /// <summary>When a (signed-in, so existing) invitation expires.</summary>
    public async Task<DateTimeOffset> ExpiresAtAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select expires_at from invitations where id = $1").With(invitationId);
        var expires = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new DateTimeOffset(expires, TimeSpan.Zero);
    }

    /// <summary>When a (signed-in, so existing) invitation was issued and when it expires, for the candidate's landing page.</summary>
    public async Task<(DateTimeOffset Invited, DateTimeOffset Expires)> DatesAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select created_at, expires_at from invitations where id = $1").With(invitationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static InvitationSummary Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.NullableField<DateTimeOffset?>(4), reader.GetFieldValue<DateTimeOffset>(5));
}
