namespace Assessments.Client;

/// <summary>What an interviewer concluded about a flagged pair; the platform itself never concludes.</summary>
public static class PairReviews
{
    public const string Unreviewed = "unreviewed";
    public const string Independent = "independent";
    public const string Copied = "copied";
}

/// <summary>
/// Two pieces of work of one challenge that share a lot of code once names, layout and comments are
/// set aside: a reason to read both side by side, never a verdict. Side A is a reference solution or
/// the submission indexed first.
/// </summary>
/// <param name="Similarity">Share of the smaller side's own tokens (starter kit excluded) inside matching runs, 0 to 1.</param>
/// <param name="Review">unreviewed, independent or copied (an interviewer's mark).</param>
public sealed record SimilarPair(
    Guid Id,
    string ChallengeId,
    PairSide A,
    PairSide B,
    double Similarity,
    int SharedTokensA,
    int SharedTokensB,
    int TokensA,
    int TokensB,
    IReadOnlyList<SimilarRegion> Regions,
    string Review,
    string? ReviewNote,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset FoundAt);

/// <summary>One side of a pair: a submission (with its candidate) or a reference solution (by level).</summary>
public sealed record PairSide(Guid? SubmissionId, string? ReferenceName, string? CandidateName);

/// <summary>A run of code both sides share, where it sits in each (1-based lines, inclusive).</summary>
public sealed record SimilarRegion(RegionSpan A, RegionSpan B, int Tokens);

public sealed record RegionSpan(string File, int StartLine, int EndLine);

/// <param name="Review">independent or copied.</param>
/// <param name="Note">Why, up to 2,000 characters; required.</param>
public sealed record PairReviewRequest(string Review, string Note);

/// <summary>A challenge's flagged pairs at or above <c>min</c>, and the state of its index.</summary>
/// <param name="StaleDocuments">Documents fingerprinted by another algorithm version: they compare with nothing until an admin reindexes.</param>
public sealed record ChallengeSimilarity(string ChallengeId, string AlgorithmVersion, double Min, int Documents, int StaleDocuments, IReadOnlyList<SimilarPair> Pairs);

/// <summary>What a rebuild of a challenge's index did.</summary>
public sealed record SimilarityReindex(string ChallengeId, string AlgorithmVersion, int Submissions, int References, int Pairs, double Seconds, IReadOnlyList<string> Skipped);
