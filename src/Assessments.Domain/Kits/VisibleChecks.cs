using Assessments.Domain.Challenges;
using Assessments.Domain.Scenarios;

namespace Assessments.Domain.Kits;

/// <summary>
/// Which checks a candidate may see before submitting: the scenarios marked visible, the contract
/// checks the challenge publishes, and the runner's own checks every brief describes (the service
/// starts and survives, the load, the operations checks). Everything else stays hidden, in the kit,
/// in <c>assess check</c> and in the feedback alike, because all three ask this one class.
/// </summary>
public static class VisibleChecks
{
    private static readonly HashSet<string> RunnerChecks = new(
        [BuiltInChecks.ServiceReady, BuiltInChecks.ServiceSurvived, BuiltInChecks.LoadThresholds, BuiltInChecks.LoadUpstreamEfficiency, .. OperationsChecks.All],
        StringComparer.Ordinal);

    public static bool IsVisible(Challenge challenge, string checkId) =>
        RunnerChecks.Contains(checkId)
        || challenge.Contract.VisibleChecks.Contains(checkId)
        || challenge.Scenarios.Any(s => s.Id == checkId && s.Visibility == Visibility.Visible);

    /// <summary>The visible scenarios, in the order they run.</summary>
    public static IReadOnlyList<Scenario> Scenarios(Challenge challenge) =>
        challenge.Scenarios.Where(s => s.Visibility == Visibility.Visible).ToList();
}
