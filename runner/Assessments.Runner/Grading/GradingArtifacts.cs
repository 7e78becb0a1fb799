using Assessments.Domain.Reports;

namespace Assessments.Runner.Grading;

/// <summary>What stages produce besides check outcomes, for the report (the load stage's measurements).</summary>
public sealed class GradingArtifacts
{
    public LoadSection? Load { get; set; }
}
