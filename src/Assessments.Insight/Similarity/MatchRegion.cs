namespace Assessments.Insight.Similarity;

/// <summary>A run of code two submissions share (after normalisation), where it sits in each.</summary>
public sealed record MatchRegion(SourceSpan A, SourceSpan B, int Tokens);

/// <summary>Lines <see cref="StartLine"/> to <see cref="EndLine"/> (1-based, inclusive) of one file.</summary>
public sealed record SourceSpan(string File, int StartLine, int EndLine);

/// <summary>
/// How much of two submissions is the same code: the share of both submissions' own tokens (starter
/// kit excluded) that lie in shared runs, 0 to 1, with the runs. A flag for a human, not a verdict.
/// </summary>
public sealed record SimilarityPair(string A, string B, double Similarity, bool Flagged, int SharedTokensA, int SharedTokensB, int TokensA, int TokensB, IReadOnlyList<MatchRegion> Regions);
