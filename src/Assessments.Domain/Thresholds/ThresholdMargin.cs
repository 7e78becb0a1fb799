namespace Assessments.Domain.Thresholds;

/// <summary>
/// One verdict judged against the delay it was measured under: the range the true value lies in, and
/// whether the verdict is the same across it (<see cref="Certain"/>) with its distance to the limit.
/// </summary>
public sealed record ThresholdMargin(string Expression, bool Passed, bool Certain, double? Low, double? High, double Margin, string Explanation);
