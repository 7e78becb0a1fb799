using Assessments.Insight.Similarity;

namespace Assessments.Similarity;

/// <summary>The one calibration the platform uses: the same as <c>assess similarity</c>.</summary>
public static class SimilarityAlgorithm
{
    public static SimilarityOptions Options => SimilarityOptions.Default;

    public static string Version => Options.Version;

    /// <summary>At most this many candidates are scored exactly per submission, most shared fingerprints first.</summary>
    public const int MaxCandidates = 200;

    /// <summary>Regions kept per pair, longest first: enough to read the copy side by side.</summary>
    public const int MaxRegions = 25;
}
