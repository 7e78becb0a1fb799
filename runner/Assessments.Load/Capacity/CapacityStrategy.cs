namespace Assessments.Load.Capacity;

/// <summary>
/// Chooses the next rate to probe from the probes so far. Pure. Stepped climbs by a fixed step until
/// the target is missed; bisect narrows the gap between the highest passing and the lowest failing
/// rate until it is within the resolution. Either stops at an invalid probe: above that rate the
/// generator, not the service, is the limit, so the search can only say "at least".
/// </summary>
public sealed record CapacityStrategy(int StartRate, int MaxRate, int Step, bool Bisect, int Resolution)
{
    public static CapacityStrategy Stepped(int startRate, int step, int maxRate) => new(startRate, maxRate, step, false, step);

    public static CapacityStrategy Bisection(int lowRate, int highRate, int resolution) => new(lowRate, highRate, 0, true, resolution);

    public int? Next(IReadOnlyList<CapacityProbe> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        if (probes.Count == 0)
        {
            return StartRate;
        }

        if (probes.Any(p => !p.Valid))
        {
            return null;
        }

        var highestPass = probes.Where(p => p.MetTarget).Select(p => (int?)p.Rate).Max();
        var lowestFail = probes.Where(p => !p.MetTarget).Select(p => (int?)p.Rate).Min();
        if (!Bisect)
        {
            var next = probes[^1].Rate + Step;
            return lowestFail is null && next <= MaxRate ? next : null;
        }

        if (lowestFail is null)
        {
            // The whole range passes once its top does.
            return highestPass < MaxRate ? MaxRate : null;
        }

        var low = highestPass ?? 0;
        if (lowestFail.Value - low <= Resolution)
        {
            return null;
        }

        return low + ((lowestFail.Value - low) / 2);
    }
}
