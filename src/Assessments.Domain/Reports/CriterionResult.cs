namespace Assessments.Domain.Reports;

/// <summary>How one rubric criterion came out, with the evidence behind it.</summary>
public sealed record CriterionResult(
    string Id,
    string Title,
    string Competency,
    int Points,
    int MaxPoints,
    bool Passed,
    IReadOnlyList<Evidence> Evidence);
