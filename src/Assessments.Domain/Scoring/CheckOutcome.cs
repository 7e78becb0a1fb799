using Assessments.Domain.Reports;

namespace Assessments.Domain.Scoring;

/// <summary>The result of one check against the running service, with the evidence that shows it.</summary>
public sealed record CheckOutcome(string CheckId, bool Passed, string Summary, IReadOnlyList<Evidence> Evidence);
