using Assessments.Domain.Challenges;
using Assessments.Domain.Kits;

namespace Assessments.Cli.Check;

/// <summary>
/// A loaded kit (or challenge folder) cut to what a self-check may run: the visible scenarios, no
/// references, and only the load thresholds that need no reference measured on the grading machine.
/// A kit is already so; a challenge folder handed to <c>assess check</c> by mistake becomes so.
/// </summary>
internal static class KitChallenge
{
    public static Challenge VisibleOnly(Challenge challenge) => challenge with
    {
        Scenarios = VisibleChecks.Scenarios(challenge),
        References = [],
        Samples = [],
        Load = challenge.Load is { } load
            ? load with { Baseline = null, Thresholds = load.Thresholds.Where(t => !t.Contains("baseline", StringComparison.OrdinalIgnoreCase)).ToList() }
            : null,
    };
}
