namespace Assessments.Submissions;

/// <summary>The submission breaks an intake rule (unsafe archive, too large, policy). It is a graded outcome: rejected.</summary>
public sealed class SubmissionRejectedException(string reason, string? entry = null)
    : Exception(entry is null ? reason : $"{reason}: '{entry}'")
{
    public string Reason { get; } = reason;

    public string? Entry { get; } = entry;
}
