using Assessments.Insight.Findings.Rules;

namespace Assessments.Insight.Findings;

/// <summary>Every rule, in the order their findings are listed.</summary>
internal static class FindingRules
{
    public static SecretsInSourceRule Secrets { get; } = new();

    public static IReadOnlyList<FindingRule> All { get; } =
    [
        new SyncOverAsyncRule(), new AsyncVoidRule(), new HttpClientPerRequestRule(), new SqlInjectionRule(), Secrets,
        new CancellationTokenRule(), new SwallowedExceptionRule(), new ThreadSleepRule(), new UnsynchronisedCollectionRule(),
        new UnboundedCacheRule(), new BlockingIoRule(),
    ];
}
