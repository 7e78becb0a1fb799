using System.Text.Json.Serialization;

namespace Assessments.Client;

/// <summary>An admin names the ATS integration a key is for.</summary>
public sealed record CreatePartnerKeyRequest(string Name);

/// <summary>A new partner API key, shown once: only its hash is stored.</summary>
public sealed record CreatedPartnerKey(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string Key);

public sealed record PartnerKeySummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

// The partner API speaks the ATS's dialect (snake_case, Greenhouse's Assessment Partner API field names).

public sealed record PartnerTest(
    [property: JsonPropertyName("partner_test_id")] string PartnerTestId,
    [property: JsonPropertyName("partner_test_name")] string PartnerTestName);

public sealed record PartnerCandidate(
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("greenhouse_profile_url")] string? ProfileUrl = null);

public sealed record SendTestRequest(
    [property: JsonPropertyName("partner_test_id")] string PartnerTestId,
    [property: JsonPropertyName("candidate")] PartnerCandidate Candidate,
    [property: JsonPropertyName("valid_for_hours")] int? ValidForHours = null);

/// <summary>The invitation the ATS created; the ATS hands the candidate the token and the link.</summary>
public sealed record SentTest(
    [property: JsonPropertyName("partner_interview_id")] Guid PartnerInterviewId,
    [property: JsonPropertyName("test_url")] string TestUrl,
    [property: JsonPropertyName("candidate_token")] string CandidateToken,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

/// <param name="PartnerStatus">sent, grading, complete, failed, expired or revoked.</param>
public sealed record PartnerTestStatus(
    [property: JsonPropertyName("partner_interview_id")] Guid PartnerInterviewId,
    [property: JsonPropertyName("partner_status")] string PartnerStatus,
    [property: JsonPropertyName("partner_test_id")] string PartnerTestId,
    [property: JsonPropertyName("partner_score")] int? PartnerScore,
    [property: JsonPropertyName("partner_level")] string? PartnerLevel,
    [property: JsonPropertyName("report_status")] string? ReportStatus,
    [property: JsonPropertyName("report_url")] string? ReportUrl,
    [property: JsonPropertyName("partner_profile_url")] string? PartnerProfileUrl,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt);
