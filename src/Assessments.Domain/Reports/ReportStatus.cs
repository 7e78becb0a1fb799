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

public static class ReportStatusNames
{
    /// <summary>The status as report.json spells it.</summary>
    public static string ToName(this ReportStatus status) => status switch
    {
        ReportStatus.Graded => "graded",
        ReportStatus.BuildFailed => "build_failed",
        ReportStatus.StartFailed => "start_failed",
        ReportStatus.Rejected => "rejected",
        _ => "infrastructure_error",
    };
}
