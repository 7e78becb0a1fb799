namespace Assessments.Bench.Queue;

/// <summary>What the claims say about the queue: latency, double claims, and whether it served the oldest job first.</summary>
internal sealed record ClaimFindings(int Claims, double P50Ms, double P99Ms, double MaxMs, int DoubleClaims, int OrderViolations)
{
    /// <param name="places">Each job's place in the order owed (oldest first, ties by id).</param>
    public static ClaimFindings Of(IReadOnlyList<Claim> claims, IReadOnlyDictionary<Guid, int> places)
    {
        var latencies = claims.Select(c => c.Milliseconds).Order().ToArray();
        // Claims beyond the first of each job: the queue handed a job to two workers.
        var doubles = claims.Count - claims.Select(c => c.JobId).Distinct().Count();
        return new ClaimFindings(
            claims.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1],
            doubles,
            CountOrderViolations(claims, places));
    }

    /// <summary>
    /// A claim breaks the order when, before it was sent, another claim had already been answered with a
    /// younger job: this job was queued and free then, and should have gone first. Claims that overlap
    /// may pass each other (SKIP LOCKED hands the next job to whoever asks while the first is locked),
    /// so they are not counted.
    /// </summary>
    public static int CountOrderViolations(IReadOnlyList<Claim> claims, IReadOnlyDictionary<Guid, int> places)
    {
        var bySent = claims.OrderBy(c => c.SentAt).ToArray();
        var byAnswered = claims.OrderBy(c => c.AnsweredAt).ToArray();
        var youngestServed = -1;
        var answered = 0;
        var violations = 0;
        foreach (var claim in bySent)
        {
            while (answered < byAnswered.Length && byAnswered[answered].AnsweredAt < claim.SentAt)
            {
                youngestServed = Math.Max(youngestServed, places[byAnswered[answered].JobId]);
                answered++;
            }

            if (places[claim.JobId] < youngestServed)
            {
                violations++;
            }
        }

        return violations;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
