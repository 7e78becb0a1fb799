namespace Assessments.Insight.Similarity;

/// <summary>
/// One submission ready for comparison: its tokens, which of them come from the starter kit (never
/// counted), a hash for every k-gram, and the winnowed subset used to look for shared code.
/// </summary>
public sealed class Fingerprint
{
    private Fingerprint(string name, TokenStream tokens, bool[] fromStarter, ulong[] hashes, bool[] valid, Dictionary<ulong, List<int>> positions, IReadOnlyList<(ulong Hash, int Position)> winnowed)
    {
        Name = name;
        Tokens = tokens;
        FromStarter = fromStarter;
        Hashes = hashes;
        Valid = valid;
        Positions = positions;
        Winnowed = winnowed;
        CountedTokens = fromStarter.Count(s => !s) - tokens.Kinds.Count(k => k == TokenStream.Boundary);
    }

    public string Name { get; }

    public TokenStream Tokens { get; }

    /// <summary>True for tokens inside a k-gram the starter kit also has: handed to every candidate.</summary>
    public bool[] FromStarter { get; }

    /// <summary>The tokens similarity is measured over: the candidate's own.</summary>
    public int CountedTokens { get; }

    internal ulong[] Hashes { get; }

    internal bool[] Valid { get; }

    /// <summary>Every position of every valid k-gram, by hash.</summary>
    internal Dictionary<ulong, List<int>> Positions { get; }

    internal IReadOnlyList<(ulong Hash, int Position)> Winnowed { get; }

    /// <summary>The distinct winnowed hashes: what an inverted index of submissions stores.</summary>
    public IReadOnlyCollection<ulong> WinnowedHashes => Winnowed.Select(w => w.Hash).ToHashSet();

    /// <summary>Every distinct valid k-gram hash: what a new submission looks up in such an index, so that any stored winnowed hash it contains is found.</summary>
    public IReadOnlyCollection<ulong> AllHashes => Positions.Keys;

    /// <summary>Every k-gram hash of a stream: what "starter code" means for exclusion.</summary>
    public static HashSet<ulong> AllKGrams(TokenStream tokens, SimilarityOptions options)
    {
        var (hashes, valid) = Hash(tokens, new bool[tokens.Length], options.K);
        return hashes.Where((_, i) => valid[i]).ToHashSet();
    }

    public static Fingerprint Of(string name, TokenStream tokens, IReadOnlySet<ulong> starter, SimilarityOptions options)
    {
        var k = options.K;
        var fromStarter = new bool[tokens.Length];
        var (raw, rawValid) = Hash(tokens, fromStarter, k);
        for (var i = 0; i < raw.Length; i++)
        {
            if (rawValid[i] && starter.Contains(raw[i]))
            {
                Array.Fill(fromStarter, true, i, k);
            }
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            fromStarter[i] |= tokens.Kinds[i] == TokenStream.Boundary;
        }

        var (hashes, valid) = Hash(tokens, fromStarter, k);
        var positions = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < hashes.Length; i++)
        {
            if (valid[i])
            {
                if (!positions.TryGetValue(hashes[i], out var list))
                {
                    positions[hashes[i]] = list = [];
                }

                list.Add(i);
            }
        }

        return new Fingerprint(name, tokens, fromStarter, hashes, valid, positions, Winnow(hashes, valid, options.Window));
    }

    /// <summary>A k-gram is valid when none of its tokens is excluded (starter code or a file boundary).</summary>
    private static (ulong[] Hashes, bool[] Valid) Hash(TokenStream tokens, bool[] excluded, int k)
    {
        var count = Math.Max(0, tokens.Length - k + 1);
        var hashes = new ulong[count];
        var valid = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var h = 14695981039346656037UL;
            var ok = true;
            for (var j = i; j < i + k; j++)
            {
                var kind = tokens.Kinds[j];
                ok &= kind != TokenStream.Boundary && !excluded[j];
                h = (h ^ (uint)kind) * 1099511628211UL;
            }

            hashes[i] = h;
            valid[i] = ok;
        }

        return (hashes, valid);
    }

    /// <summary>Schleimer, Wilkerson and Aiken's winnowing: the smallest hash of each window, rightmost on ties, each position once.</summary>
    private static List<(ulong, int)> Winnow(ulong[] hashes, bool[] valid, int window)
    {
        var selected = new List<(ulong, int)>();
        var last = -1;
        for (var start = 0; start + window <= hashes.Length || (start == 0 && hashes.Length > 0); start++)
        {
            var end = Math.Min(start + window, hashes.Length);
            var best = -1;
            for (var i = start; i < end; i++)
            {
                if (valid[i] && (best < 0 || hashes[i] <= hashes[best]))
                {
                    best = i;
                }
            }

            if (best >= 0 && best != last)
            {
                selected.Add((hashes[best], best));
                last = best;
            }

            if (end == hashes.Length)
            {
                break;
            }
        }

        return selected;
    }
}
