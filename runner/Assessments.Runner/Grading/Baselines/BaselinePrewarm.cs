using Assessments.Domain.Challenges;
using Assessments.Domain.Hosts;
using Assessments.Domain.Performance;
using Assessments.Runner.Hosts;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;

namespace Assessments.Runner.Grading.Baselines;

/// <summary>
/// Measures a challenge's reference baseline ahead of any grading (<c>assess baseline</c>), in a
/// grading slot like a grading would, so that the first candidate's grading does not pay for it. The
/// store is the same one gradings read: a young enough baseline is left as it is.
/// </summary>
public sealed class BaselinePrewarm(IDockerClient docker, SandboxLimits limits, SubmissionLimits intake, HostSlots slots, BaselineStore? store = null)
{
    /// <returns>Null when the challenge compares with no reference (no load profile, no relative threshold).</returns>
    public async Task<BaselineLookup?> EnsureAsync(Challenge challenge, IProgress<GradingProgress>? progress, CancellationToken cancellationToken)
    {
        if (challenge.Load is not { Baseline: { } spec } profile || !profile.Thresholds.Any(RelativeThreshold.IsRelative))
        {
            return null;
        }

        using var lease = await slots.AcquireAsync(m => progress?.Report(new GradingProgress(Phases.Slot, m)), cancellationToken);
        using var pinned = GeneratorPinning.Hold(lease.Slot);

        // Measuring: alone on the slot, whoever else shares it.
        await using var turns = new SlotTurns(docker, lease, "baseline");
        await turns.NextAsync(alone: true, cancellationToken);
        var host = new GradingHost(docker, string.Empty, "baseline", limits, intake) { Slot = lease.Slot };
        return await new ReferenceBaseline(host, store ?? BaselineStore.Default).GetAsync(challenge, 1, progress, profile, spec, cancellationToken);
    }
}
