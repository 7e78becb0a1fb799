using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Submissions.Sandbox;

namespace Assessments.IntegrationTests.RedTeam;

/// <summary>One hostile submission: how to make it, the limits it is graded under, and what its report must say.</summary>
/// <param name="Make">Writes the submission below the given folder and returns its path.</param>
/// <param name="Expect">Asserts on the report; throws when the outcome is not the expected one.</param>
internal sealed record RedTeamCase(
    string Name,
    Func<string, string> Make,
    Action<GradingReport> Expect,
    SandboxLimits? Limits = null,
    TimeSpan? ReadinessTimeout = null,
    SandboxOverrides? Overrides = null);
