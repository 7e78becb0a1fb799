namespace Assessments.Client;

/// <summary>The roles of platform users; candidates are not users, they hold invitations.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Interviewer = "interviewer";
    public const string Candidate = "candidate";

    public static bool IsUserRole(string role) => role is Admin or Interviewer;
}

public sealed record CreateUserRequest(string Name, string Role);

/// <summary>A new user and their bearer token, shown once: only its hash is stored.</summary>
public sealed record CreatedUser(Guid Id, string Name, string Role, string Token);

public sealed record UserSummary(Guid Id, string Name, string Role, DateTimeOffset CreatedAt);
