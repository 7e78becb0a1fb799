using System.Security.Claims;
using Assessments.Client;

namespace Assessments.Server.Auth;

/// <summary>Who is calling, read from the claims the bearer handler set.</summary>
public static class Caller
{
    public const string ChallengeClaim = "assessments:challenge";

    public static Guid Id(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name)!;

    /// <summary>How the audit log names the caller: role and name.</summary>
    public static string Actor(this ClaimsPrincipal user) => $"{user.FindFirstValue(ClaimTypes.Role)}:{user.Name()}";

    /// <summary>For candidates, the one invitation their token belongs to.</summary>
    public static Guid InvitationId(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Candidate) ? user.Id() : throw new InvalidOperationException("not a candidate");

    public static string ChallengeId(this ClaimsPrincipal user) => user.FindFirstValue(ChallengeClaim)!;
}
