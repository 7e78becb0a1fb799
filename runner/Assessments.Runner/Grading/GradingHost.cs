using Assessments.Runner.Operations;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;

namespace Assessments.Runner.Grading;

/// <summary>
/// What a stage needs to act on the graded container itself rather than over HTTP (read its stdout,
/// send it a signal) or to grade a reference solution beside it under the same limits.
/// </summary>
/// <param name="Sandbox">The platform's limits before the challenge's own (a nested grading applies those again).</param>
/// <param name="Upstream">The stub's counters when the challenge has an upstream; null otherwise.</param>
public sealed record GradingHost(
    IDockerClient Docker,
    string ContainerId,
    string GradingId,
    SandboxLimits Sandbox,
    SubmissionLimits Intake,
    IUpstreamStats? Upstream = null)
{
    /// <summary>The grading slot the grading holds; a nested grading (the reference's baseline) runs in it too.</summary>
    public Domain.Hosts.CpuSlot? Slot { get; init; }
}
