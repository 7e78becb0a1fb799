using System.Text.Json.Serialization;

namespace Assessments.Domain.Reports;

/// <summary>
/// How grading ended. Everything but <see cref="InfrastructureError"/> is the candidate's outcome;
/// an infrastructure error is the platform's fault, retried and never held against the candidate.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportStatus>))]
public enum ReportStatus
{
    [JsonStringEnumMemberName("graded")]
    Graded,

    [JsonStringEnumMemberName("build_failed")]
    BuildFailed,

    [JsonStringEnumMemberName("start_failed")]
    StartFailed,

    [JsonStringEnumMemberName("rejected")]
    Rejected,

    [JsonStringEnumMemberName("infrastructure_error")]
    InfrastructureError,
}
