using Assessments.Domain.Reports;

namespace Assessments.Insight.Metrics;

/// <summary>The running totals of one submission's metrics, over files of every language.</summary>
internal sealed class MetricsTally
{
    public int Files { get; set; }

    public int Lines { get; set; }

    public int CodeLines { get; set; }

    public int Types { get; set; }

    public List<MethodComplexity> Units { get; } = [];

    public int TestFiles { get; set; }

    public int TestMethods { get; set; }
}
