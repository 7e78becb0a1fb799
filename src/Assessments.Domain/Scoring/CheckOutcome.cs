using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;

namespace Assessments.Domain.Scoring;

/// <summary>The result of one check against the running service, with the evidence that shows it.</summary>
/// <param name="Title">What the check verifies, in a sentence; the id stands in when null.</param>
/// <param name="Visibility">Whether candidates see this check before submitting.</param>
public sealed record CheckOutcome(
    string CheckId,
    bool Passed,
    string Summary,
    IReadOnlyList<Evidence> Evidence,
    string? Title = null,
    Visibility Visibility = Visibility.Hidden);
