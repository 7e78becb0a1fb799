namespace Assessments.Domain.Reports;

/// <summary>How one rubric criterion came out, with the evidence behind it.</summary>
public sealed record CriterionResult(
    string Id,
    string Title,
    string Competency,
    int Points,
    int MaxPoints,
    bool Passed,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Why a failed criterion failed, in one line: the first failed check's own summary. Null when it passed.</summary>
    public string? Reason { get; init; }
}
