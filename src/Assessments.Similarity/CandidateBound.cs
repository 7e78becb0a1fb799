using Assessments.Insight.Similarity;

namespace Assessments.Similarity;

/// <summary>
/// How many fingerprints a stored document must share with a new submission before scoring the pair
/// exactly is worth it. A pair reaches the flag only when matching runs cover at least
/// <c>FlagAt</c> of the smaller side's counted tokens. Every run the comparer finds is at least K
/// tokens long and holds at least max(1, ⌊(L − K + 1) / W⌋) winnowed positions of the stored side
/// (one per whole window inside it), which is never fewer than L / (K + 2W − 2). So a flaggable pair
/// shares at least <c>FlagAt × tokens / (K + 2W − 2)</c> winnowed positions; halved, because
/// repeated code can give several of those positions one hash and the index counts hashes.
/// </summary>
public static class CandidateBound
{
    public static double PerCountedToken(SimilarityOptions options) => options.FlagAt / (options.K + (2 * options.Window) - 2) / 2;
}
