using Assessments.Domain.Reports;

namespace Assessments.Reporting.Exhibits;

/// <summary>One piece of evidence as a report shows it: identical exchanges folded into one, with how often it was seen.</summary>
/// <param name="Summaries">What each check said of it (several checks may judge the same exchange).</param>
/// <param name="Repro">The earlier steps of the same scenario, in order, when the failure needs them to be reproduced.</param>
public sealed record ShownEvidence(Evidence First, IReadOnlyList<string> Summaries, int Count, IReadOnlyList<Evidence> Repro);

/// <summary>
/// A criterion's evidence ordered for reading: what shows the failure first (deduplicated), then the
/// neutral facts (counts, measurements, logs), then the passing exchanges counted with one example.
/// Reusable by every renderer (report.html, report.md, candidate feedback).
/// </summary>
public sealed record EvidenceGroups(IReadOnlyList<ShownEvidence> Failing, IReadOnlyList<ShownEvidence> Facts, int PassingCount, Evidence? PassingExample)
{
    public static EvidenceGroups Of(IReadOnlyList<Evidence> evidence)
    {
        var failing = Fold(evidence, e => e.Passed == false, withRepro: true, evidence);
        var facts = Fold(evidence, e => e.Passed is null, withRepro: false, evidence);
        var passing = evidence.Where(e => e.Passed == true).ToList();
        var example = passing.FirstOrDefault(e => e.Exchange is not null) ?? passing.FirstOrDefault();
        return new EvidenceGroups(failing, facts, passing.Count, example);
    }

    private static List<ShownEvidence> Fold(IReadOnlyList<Evidence> all, Func<Evidence, bool> filter, bool withRepro, IReadOnlyList<Evidence> order)
    {
        var shown = new List<ShownEvidence>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var e = all[i];
            if (!filter(e))
            {
                continue;
            }

            var key = Key(e);
            if (byKey.TryGetValue(key, out var at))
            {
                var seen = shown[at];
                var summaries = seen.Summaries.Contains(e.Summary) ? seen.Summaries : [.. seen.Summaries, e.Summary];
                shown[at] = seen with { Count = seen.Count + 1, Summaries = summaries };
                continue;
            }

            byKey[key] = shown.Count;
            shown.Add(new ShownEvidence(e, [e.Summary], 1, withRepro ? EarlierSteps(order, i) : []));
        }

        return shown;
    }

    /// <summary>
    /// Exchanges are the same when the same request got the same answer, whichever check judged it;
    /// other evidence when it says the same thing.
    /// </summary>
    private static string Key(Evidence e) => e.Exchange is { } x
        ? $"x|{x.Request.Method}|{x.Request.Url}|{x.Request.Body}|{x.Response?.Status}|{x.Error}"
        : $"{e.Kind}|{e.Summary}|{e.Value}|{string.Join('\n', e.Lines ?? [])}";

    /// <summary>
    /// A scenario step ("step 3: …") may use what earlier steps created (an id, a Location): those
    /// earlier exchanges of the same check, in order, make the repro a script rather than a lone curl.
    /// </summary>
    private static IReadOnlyList<Evidence> EarlierSteps(IReadOnlyList<Evidence> all, int index)
    {
        var failing = all[index];
        if (failing.Exchange is null || !ReproScript.IsStep(failing.Summary))
        {
            return [];
        }

        return all.Take(index)
            .Where(e => e.Exchange is not null && e.Check == failing.Check && ReproScript.IsStep(e.Summary))
            .GroupBy(e => e.Exchange!.Curl).Select(g => g.First())
            .ToList();
    }
}
