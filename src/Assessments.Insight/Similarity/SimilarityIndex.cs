using Assessments.Insight.Sources;

namespace Assessments.Insight.Similarity;

/// <summary>
/// Pairwise similarity across the submissions of one challenge, the challenge's starter kit excluded
/// from every one of them. Pairs come back most similar first.
/// </summary>
public sealed class SimilarityIndex
{
    private readonly SimilarityOptions _options;
    private readonly HashSet<ulong> _starter;
    private readonly List<Fingerprint> _submissions = [];

    public SimilarityIndex(IReadOnlyList<SourceFile> starter, SimilarityOptions? options = null)
    {
        _options = options ?? SimilarityOptions.Default;
        _starter = Fingerprint.AllKGrams(TokenStream.Of(starter), _options);
    }

    public IReadOnlyList<Fingerprint> Submissions => _submissions;

    /// <summary>Reads a starter-kit folder's sources within the usual limits (an absent folder is an empty kit).</summary>
    public static IReadOnlyList<SourceFile> StarterFiles(string? starterDirectory) =>
        starterDirectory is not null && Directory.Exists(starterDirectory) ? SourceSet.Read(starterDirectory, InsightLimits.Default).Code : [];

    /// <summary>
    /// The kits of every language together, each file's path prefixed with its kit's folder name. Tokens
    /// of different languages never match, so one set of starter k-grams serves every submission.
    /// </summary>
    public static IReadOnlyList<SourceFile> StarterFiles(IEnumerable<string> starterDirectories) =>
        starterDirectories.SelectMany(d => StarterFiles(d).Select(f => f with { Path = $"{Path.GetFileName(d)}/{f.Path}" })).ToList();

    public Fingerprint Add(string name, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken = default)
    {
        var fingerprint = Fingerprint.Of(name, TokenStream.Of(sources, cancellationToken), _starter, _options);
        _submissions.Add(fingerprint);
        return fingerprint;
    }

    public IReadOnlyList<SimilarityPair> ComparePairwise(CancellationToken cancellationToken = default)
    {
        var pairs = new List<(int, int)>();
        for (var i = 0; i < _submissions.Count; i++)
        {
            for (var j = i + 1; j < _submissions.Count; j++)
            {
                pairs.Add((i, j));
            }
        }

        var results = new SimilarityPair[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, p =>
        {
            var (i, j) = pairs[p];
            results[p] = PairComparer.Compare(_submissions[i], _submissions[j], _options);
        });
        return results.OrderByDescending(r => r.Similarity).ThenBy(r => r.A, StringComparer.Ordinal).ThenBy(r => r.B, StringComparer.Ordinal).ToList();
    }
}
