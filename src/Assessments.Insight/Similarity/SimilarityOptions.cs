namespace Assessments.Insight.Similarity;

/// <summary>
/// How fingerprints are taken: k-grams of <see cref="K"/> normalised tokens, one kept per window of
/// <see cref="Window"/> k-grams (winnowing), so that every shared run of at least
/// K + Window - 1 tokens is found. <see cref="FlagAt"/> is where a pair is shown to interviewers as worth a look.
/// </summary>
public sealed record SimilarityOptions(int K, int Window, double FlagAt)
{
    public static SimilarityOptions Default { get; } = new(K: 18, Window: 6, FlagAt: 0.5);

    /// <summary>
    /// Bumped whenever tokenising, hashing or winnowing changes: stored fingerprints of another revision do not compare.
    /// 2: sources in Python, Go, JavaScript, TypeScript and Java are tokenised too (r1 streams of such submissions were empty).
    /// </summary>
    public const int Revision = 2;

    /// <summary>Names the fingerprints this algorithm makes; an index stores it with every submission.</summary>
    public string Version => $"winnow-r{Revision}-k{K}-w{Window}";

    /// <summary>The shortest shared run of tokens winnowing is sure to find.</summary>
    public int Guarantee => K + Window - 1;
}
