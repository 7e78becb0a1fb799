using Assessments.Domain.Thresholds;

namespace Assessments.Runner.Hosts;

/// <summary>Shares (0–1) of the service's CPUs over a measured run: the service's own use, and other work's.</summary>
internal sealed record ServiceCpuShare(string Cpus, double Service, double Others)
{
    /// <summary>
    /// Above this, other work took enough of the service's CPUs to slow it by more than the noise a
    /// threshold allows for: a verdict that failed may be the host's doing. Kernel work for the
    /// service's own traffic lands here too, a few percent on a quiet host.
    /// </summary>
    public const double OthersLimit = 0.15;

    public bool Disturbed => Others > OthersLimit;

    public string Describe() => $"other work used {Others * 100:0}% of the service's CPU {Cpus} during the run (the service itself {Service * 100:0}%)";

    /// <summary>
    /// A verdict as judged against the generator's delay, reconsidered for this share. A latency or
    /// throughput that failed while other work took the service's CPUs is never certain (how much that
    /// work slowed the service is unknown); a pass is, as that work can only have slowed it; so is an
    /// error rate, as a slower service does not answer 500 or 501.
    /// </summary>
    public ThresholdMargin Reconsider(ThresholdMargin margin)
    {
        ArgumentNullException.ThrowIfNull(margin);
        if (!Disturbed || margin.Passed || !margin.Certain || !SlowedBy(ThresholdParser.Parse(margin.Expression)))
        {
            return margin;
        }

        return margin with { Certain = false, Margin = 0, Explanation = $"failed while {Describe()}, which may be why" };
    }

    private static bool SlowedBy(ThresholdExpression expression) =>
        expression.IsLatency || expression.Metric is ThresholdMetric.Rps or ThresholdMetric.Count;
}
