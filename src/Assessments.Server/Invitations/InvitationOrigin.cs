using System.Security.Claims;
using Assessments.Server.Auth;

namespace Assessments.Server.Invitations;

/// <summary>Who asked for an invitation: a staff user, or an applicant tracking system's partner key on behalf of its candidate.</summary>
internal sealed record InvitationOrigin(Guid? CreatedBy, Guid? PartnerKeyId = null, string? PartnerCandidate = null)
{
    public static InvitationOrigin Staff(ClaimsPrincipal user) => new(user.Id());

    public static InvitationOrigin Partner(ClaimsPrincipal partner, string? candidateId) => new(null, partner.Id(), candidateId);
}

/// <summary>A new invitation: its token is shown once, in this answer; the table keeps only its hash.</summary>
internal sealed record IssuedInvitation(Guid Id, string Token, DateTimeOffset ExpiresAt);
