namespace Assessments.Server.Pages;

/// <summary>Counts of (row, column) level pairs, over the levels in ascending order.</summary>
public sealed record LevelMatrix(IReadOnlyList<string> Levels, int[,] Counts)
{
    public int Total
    {
        get
        {
            var total = 0;
            foreach (var count in Counts)
            {
                total += count;
            }

            return total;
        }
    }

    public int Diagonal => Enumerable.Range(0, Levels.Count).Sum(i => Counts[i, i]);
}

/// <summary>The calibration dashboard's arithmetic, free of I/O.</summary>
public static class CalibrationStatistics
{
    /// <summary>Below this many reviewed submissions kappa is noise: the dashboard says "not enough data" instead.</summary>
    public const int MinimumForKappa = 10;

    public static LevelMatrix Matrix(IReadOnlyList<string> levels, IEnumerable<(string Row, string Column)> pairs)
    {
        var counts = new int[levels.Count, levels.Count];
        foreach (var (row, column) in pairs)
        {
            var i = IndexOf(levels, row);
            var j = IndexOf(levels, column);
            if (i >= 0 && j >= 0)
            {
                counts[i, j]++;
            }
        }

        return new LevelMatrix(levels, counts);
    }

    /// <summary>
    /// Cohen's kappa: agreement between two raters beyond what their own level frequencies would give
    /// by chance, (p_o − p_e) / (1 − p_e). Null without pairs; 1 when both always agree on one level.
    /// </summary>
    public static double? Kappa(LevelMatrix matrix)
    {
        var n = (double)matrix.Total;
        if (n == 0)
        {
            return null;
        }

        var k = matrix.Levels.Count;
        var observed = matrix.Diagonal / n;
        var expected = 0.0;
        for (var i = 0; i < k; i++)
        {
            var row = 0;
            var column = 0;
            for (var j = 0; j < k; j++)
            {
                row += matrix.Counts[i, j];
                column += matrix.Counts[j, i];
            }

            expected += row / n * (column / n);
        }

        return expected >= 1 ? 1 : (observed - expected) / (1 - expected);
    }

    /// <summary>Scores in ten bins (0–9, 10–19, … 90–100).</summary>
    public static int[] Histogram(IEnumerable<int> scores)
    {
        var bins = new int[10];
        foreach (var score in scores)
        {
            bins[Math.Clamp(score / 10, 0, 9)]++;
        }

        return bins;
    }

    /// <summary>How a rubric version's criteria differ from the one before: added, removed, and changed points.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after)
    {
        var changes = new List<string>();
        foreach (var (id, points) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(id, out var old))
            {
                changes.Add($"added {id} ({points} points)");
            }
            else if (old != points)
            {
                changes.Add($"{id}: {old} → {points} points");
            }
        }

        changes.AddRange(before.Keys.Where(id => !after.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => $"removed {id}"));
        return changes;
    }

    private static int IndexOf(IReadOnlyList<string> levels, string level)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] == level)
            {
                return i;
            }
        }

        return -1;
    }
}
