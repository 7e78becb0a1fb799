using Assessments.Domain.Reports;

namespace Assessments.Runner.Grading;

/// <summary>What stages produce besides check outcomes, for the report (the load stage's measurements, timings).</summary>
public sealed class GradingArtifacts
{
    public LoadSection? Load { get; set; }

    /// <summary>Each authored scenario's time and its steps', in the order they ran.</summary>
    public List<ScenarioTiming> Scenarios { get; } = [];

    /// <summary>Time spent measuring the reference for relative thresholds; null when a stored baseline served.</summary>
    public double? BaselineMs { get; set; }
}
