using Assessments.Load.Model;

namespace Assessments.Load.Scheduling;

/// <summary>
/// Intended start times of an open segment, in nanoseconds from the segment's start, produced
/// lazily so a long run at a high rate holds no list of them.
/// </summary>
/// <remarks>
/// The k-th arrival is where the cumulative expected count N(t) = r0·t + (r1 − r0)·t²/(2D) reaches
/// k (uniform) or reaches the k-th point of a unit-rate Poisson process (seeded), which handles
/// constant rates and linear ramps with one formula.
/// </remarks>
public static class ArrivalTimes
{
    public static IEnumerable<long> For(OpenSegment segment, ArrivalPattern pattern, int seed)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var seconds = segment.Duration?.TotalSeconds ?? 0;
        var total = ExpectedCount(segment.StartRate, segment.EndRate, seconds);
        var limit = segment.Iterations ?? long.MaxValue;
        var random = new Random(seed);

        double position = pattern == ArrivalPattern.Poisson ? NextExponential(random) : 0;
        for (long emitted = 0; emitted < limit && position < total - 1e-9; emitted++)
        {
            var at = TimeAt(segment.StartRate, segment.EndRate, seconds, position);
            yield return (long)Math.Round(at * 1e9);
            position += pattern == ArrivalPattern.Poisson ? NextExponential(random) : 1;
        }
    }

    /// <summary>N(D): how many arrivals the segment should produce on average.</summary>
    public static double ExpectedCount(double startRate, double endRate, double seconds) =>
        (startRate + endRate) / 2 * seconds;

    // Solves r0·t + a·t² = n for t with a = (r1 − r0)/(2D); this form avoids cancellation when a is near 0.
    private static double TimeAt(double startRate, double endRate, double seconds, double n)
    {
        if (n <= 0)
        {
            return 0;
        }

        var a = seconds > 0 ? (endRate - startRate) / (2 * seconds) : 0;
        var discriminant = Math.Max(0, (startRate * startRate) + (4 * a * n));
        return 2 * n / (startRate + Math.Sqrt(discriminant));
    }

    private static double NextExponential(Random random) => -Math.Log(1 - random.NextDouble());
}
