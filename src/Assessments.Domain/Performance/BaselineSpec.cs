using Assessments.Domain.Scoring;

namespace Assessments.Domain.Performance;

/// <summary>
/// The reference solution whose measured performance relative thresholds scale, and how old a stored
/// measurement of it may be before it is measured again.
/// </summary>
public sealed record BaselineSpec(Level Reference, TimeSpan MaxAge);
