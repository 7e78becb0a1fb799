using Assessments.Domain.Reports;

namespace Assessments.Insight.Findings.Rules;

/// <summary>A collection shared by every request, changed without a lock.</summary>
internal sealed class UnsynchronisedCollectionRule : FindingRule
{
    private const string Why = "Requests run in parallel: a List or Dictionary shared by all of them and changed without a lock loses writes, throws, or corrupts itself (a Dictionary can even spin forever). Use a lock or a concurrent collection.";

    public override string Id => "unsynchronised-shared-collection";

    public override string Title => "Shared collection changed without synchronisation";

    public override string Competency => Competencies.Resilience;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var collection in SharedCollections.Of(file).Where(c => !c.ThreadSafe))
        {
            var unsafeWrite = SharedCollections.Uses(collection)
                .Where(u => SharedCollections.Operation(u) is { } op && (op == "[]=" || SharedCollections.Growing.Contains(op) || SharedCollections.Shrinking.Contains(op)))
                .FirstOrDefault(u => !SharedCollections.IsSynchronised(u));
            if (unsafeWrite is not null)
            {
                yield return Finding(file, unsafeWrite, FindingSeverity.High, $"{collection.Name} ({collection.Type}) is shared by every request. {Why}");
            }
        }
    }
}
