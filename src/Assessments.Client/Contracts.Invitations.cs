namespace Assessments.Client;

/// <param name="ValidForHours">How long the invite token works; the server's default when null.</param>
public sealed record CreateInvitationRequest(string ChallengeId, string CandidateName, int? ValidForHours = null);

/// <summary>A new invitation and the candidate's token, shown once: only its hash is stored.</summary>
public sealed record CreatedInvitation(Guid Id, string ChallengeId, string CandidateName, DateTimeOffset ExpiresAt, string Token);

public sealed record InvitationSummary(Guid Id, string ChallengeId, string CandidateName, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset CreatedAt);

/// <summary>What a candidate's invite token gives access to: one challenge and its brief.</summary>
public sealed record CandidateAssignment(Guid InvitationId, string CandidateName, string ChallengeId, string ChallengeTitle, string Brief, DateTimeOffset ExpiresAt);
