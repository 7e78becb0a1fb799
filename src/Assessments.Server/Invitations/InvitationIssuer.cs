using System.Security.Claims;
using Assessments.Platform.Database;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Npgsql;

namespace Assessments.Server.Invitations;

/// <summary>Who asked for an invitation: a staff user, or an applicant tracking system's partner key on behalf of its candidate.</summary>
internal sealed record InvitationOrigin(Guid? CreatedBy, Guid? PartnerKeyId = null, string? PartnerCandidate = null)
{
    public static InvitationOrigin Staff(ClaimsPrincipal user) => new(user.Id());

    public static InvitationOrigin Partner(ClaimsPrincipal partner, string? candidateId) => new(null, partner.Id(), candidateId);
}

/// <summary>A new invitation: its token (kept only as its hash) and the audit entry, written in one transaction.</summary>
internal sealed record IssuedInvitation(Guid Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues invitations for staff (the invitations API) and for an ATS (the partner API) the same way, so
/// a rule about tokens, expiry or auditing holds for both.
/// </summary>
internal static class InvitationIssuer
{
    public static async Task<IssuedInvitation> IssueAsync(
        NpgsqlDataSource dataSource, ClaimsPrincipal actor, InvitationOrigin origin, string challengeId, string candidateName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
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
}
