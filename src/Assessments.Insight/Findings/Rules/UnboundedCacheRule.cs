using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary>In-memory caches that only grow: shared dictionaries used as caches with no eviction, IMemoryCache entries with no expiry or size.</summary>
internal sealed class UnboundedCacheRule : FindingRule
{
    private const string Why = "A cache with no size limit and no eviction grows with every distinct key until the process is out of memory; in a container that is an OOM kill and a restart under load. Bound it (size limit, expiry, LRU).";

    public override string Id => "unbounded-cache";

    public override string Title => "Unbounded in-memory cache";

    public override string Competency => Competencies.Resilience;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var collection in SharedCollections.Of(file))
        {
            var operations = SharedCollections.Uses(collection).Select(SharedCollections.Operation).OfType<string>().ToList();
            var usedAsCache = collection.Name.Contains("cache", StringComparison.OrdinalIgnoreCase) || operations.Contains("GetOrAdd");
            var grows = operations.Any(o => o == "[]=" || SharedCollections.Growing.Contains(o));
            var bounded = operations.Any(o => SharedCollections.Shrinking.Contains(o) || o == "Count");
            if (usedAsCache && grows && !bounded)
            {
                yield return Finding(file, collection.Declaration, FindingSeverity.Medium, $"{collection.Name} is only ever added to. {Why}");
            }
        }

        if (file.Map.CacheSizeLimited)
        {
            yield break;
        }

        // IMemoryCache.Set(key, value) with nothing else: no expiry, no size, kept for the life of the process.
        foreach (var invocation in file.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (Syntax.CalledName(invocation) == "Set" && invocation.ArgumentList.Arguments.Count == 2
                && Syntax.Receiver(invocation) is { } receiver && (file.TypeOf(receiver) is { } type ? type.EndsWith("IMemoryCache", StringComparison.Ordinal) : receiver.ToString().Contains("cache", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Finding(file, invocation, FindingSeverity.Medium, Why);
            }
        }
    }
}
