using Assessments.Domain.Reports;

namespace Assessments.Domain.Scoring;

/// <summary>What the scorer concludes: points per criterion, the score out of 100 and the level.</summary>
public sealed record ScoreCard(int Score, Level Level, IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<string> LevelReasons);
