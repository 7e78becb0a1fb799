namespace Assessments.Insight.Similarity;

/// <summary>
/// Compares two fingerprints: every winnowed k-gram of one that the other also has seeds a match,
/// which is grown token by token both ways as far as the two normalised streams agree.
/// </summary>
public static class PairComparer
{
    /// <summary>Repeated code (the same guard ten times) would otherwise seed matches quadratically.</summary>
    private const int MaxSeedsPerHash = 16;

    public static SimilarityPair Compare(Fingerprint a, Fingerprint b, SimilarityOptions options, int maxRegions = 25)
    {
        var coveredA = new bool[a.Tokens.Length];
        var coveredB = new bool[b.Tokens.Length];
        var seen = new HashSet<(int, int)>();
        var runs = new List<(int StartA, int StartB, int Length)>();
        foreach (var (hash, i) in a.Winnowed)
        {
            if (!b.Positions.TryGetValue(hash, out var positions))
            {
                continue;
            }

            foreach (var j in positions.Take(MaxSeedsPerHash))
            {
                // A seed on the diagonal of a run already grown adds nothing.
                if (coveredA[i] && coveredB[j] && runs.Any(r => r.StartA - r.StartB == i - j && i >= r.StartA && i < r.StartA + r.Length))
                {
                    continue;
                }

                var (startA, startB, length) = Grow(a, b, i, j);
                // Repetitive code matches itself elsewhere too; a run that covers nothing new is not evidence.
                if (length < options.K || !seen.Add((startA, startB)) || (AllCovered(coveredA, startA, length) && AllCovered(coveredB, startB, length)))
                {
                    continue;
                }

                runs.Add((startA, startB, length));
                Array.Fill(coveredA, true, startA, length);
                Array.Fill(coveredB, true, startB, length);
            }
        }

        var sharedA = coveredA.Count(c => c);
        var sharedB = coveredB.Count(c => c);
        // How much of the smaller submission the other one holds: padding a copy with dead code or
        // extra endpoints grows the copy, not what it shares, so it cannot dilute the score.
        var similarity = Math.Min(1.0, Math.Max(Fraction(sharedA, a.CountedTokens), Fraction(sharedB, b.CountedTokens)));
        var regions = runs
            .OrderByDescending(r => r.Length)
            .Take(maxRegions)
            .Select(r => new MatchRegion(Span(a.Tokens, r.StartA, r.Length), Span(b.Tokens, r.StartB, r.Length), r.Length))
            .ToList();
        return new SimilarityPair(a.Name, b.Name, Math.Round(similarity, 3), similarity >= options.FlagAt, sharedA, sharedB, a.CountedTokens, b.CountedTokens, regions);
    }

    private static double Fraction(int shared, int tokens) => tokens == 0 ? 0 : (double)shared / tokens;

    private static (int StartA, int StartB, int Length) Grow(Fingerprint a, Fingerprint b, int i, int j)
    {
        var back = 0;
        while (i - back - 1 >= 0 && j - back - 1 >= 0 && Same(a, b, i - back - 1, j - back - 1))
        {
            back++;
        }

        var forward = 0;
        while (i + forward < a.Tokens.Length && j + forward < b.Tokens.Length && Same(a, b, i + forward, j + forward))
        {
            forward++;
        }

        return (i - back, j - back, back + forward);
    }

    private static bool AllCovered(bool[] covered, int start, int length) => Array.IndexOf(covered, false, start, length) < 0;

    private static bool Same(Fingerprint a, Fingerprint b, int i, int j) =>
        !a.FromStarter[i] && !b.FromStarter[j] && a.Tokens.Kinds[i] == b.Tokens.Kinds[j];

    private static SourceSpan Span(TokenStream tokens, int start, int length) =>
        new(tokens.Paths[tokens.Files[start]], tokens.Lines[start], tokens.Lines[start + length - 1]);
}
