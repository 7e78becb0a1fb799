using System.Globalization;
using Assessments.Domain.Reports;

namespace Assessments.Reporting.Summary;

/// <summary>
/// The numbers an interviewer asks about first: p99 under load against its threshold and the
/// reference's, the upstream calls per request, and what a kill -9 did. Only what the report has.
/// </summary>
internal static class KeyFigures
{
    public static IReadOnlyList<KeyFigure> Of(GradingReport r)
    {
        var figures = new List<KeyFigure>();
        if (P99(r) is { } p99)
        {
            figures.Add(p99);
        }

        var upstream = r.Criteria.SelectMany(c => c.Evidence).FirstOrDefault(e => e.Unit == "calls/request" && e.Value is not null);
        if (upstream is not null)
        {
            figures.Add(new KeyFigure("Upstream calls per request under load", N(upstream.Value!.Value), upstream.Passed));
        }

        if (KillOutcome(r) is { } kill)
        {
            figures.Add(kill);
        }

        return figures;
    }

    private static KeyFigure? P99(GradingReport r)
    {
        if (LoadView.Result(r) is not { } load)
        {
            return null;
        }

        var threshold = load.Thresholds.FirstOrDefault(t => t.Expression.StartsWith("p(99)", StringComparison.Ordinal));
        var parts = new List<string> { $"{N(load.Latency.P99)} ms" };
        if (threshold is not null)
        {
            parts.Add($"threshold {N(threshold.Limit)} ms");
        }

        if (r.Load.Baseline?.Figures is { } reference)
        {
            parts.Add($"{r.Load.Baseline.Reference} reference {N(reference.P99)} ms");
        }

        return new KeyFigure("p99 latency under load", string.Join(" · ", parts), threshold?.Passed);
    }

    /// <summary>The criterion whose scenario sent SIGKILL: whether the service kept its promises across it.</summary>
    private static KeyFigure? KillOutcome(GradingReport r)
    {
        var criterion = r.Criteria.FirstOrDefault(c => c.Evidence.Any(e => e.Summary.Contains("SIGKILL", StringComparison.Ordinal)));
        if (criterion is null)
        {
            return null;
        }

        var text = criterion.Passed ? "nothing lost: every expectation held across the kill and restart" : Verdict.ReasonOf(criterion);
        return new KeyFigure("kill -9 and restart", text, criterion.Passed);
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
