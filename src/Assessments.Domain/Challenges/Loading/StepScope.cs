using Assessments.Domain.Scenarios;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>What the steps of one scenario have defined so far, so later steps are checked against it.</summary>
internal sealed class StepScope(bool hasUpstream)
{
    private const string File = ChallengeFiles.Scenarios;

    public bool HasUpstream { get; } = hasUpstream;

    /// <summary>Single values captured by earlier request steps.</summary>
    public HashSet<string> Captured { get; } = new(StringComparer.Ordinal);

    /// <summary>List variables gathered by earlier bursts' <c>collect</c>.</summary>
    public HashSet<string> Collected { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a request step came earlier (what <c>tracedFrom: last-request</c> refers to).</summary>
    public bool HasRequest { get; set; }

    /// <summary>
    /// A placeholder must name a value captured by an earlier step (or a built-in), or it would be sent
    /// literally; <paramref name="extra"/> are names valid only here (a burst's index).
    /// </summary>
    public void CheckPlaceholders(RequestTemplate request, Expectation expect, string where, ProblemList problems, params string[] extra)
    {
        var used = Placeholders.NamesIn(request.Path)
            .Concat(request.Headers.Values.SelectMany(Placeholders.NamesIn))
            .Concat(Placeholders.NamesIn(request.JsonBody))
            .Concat(Placeholders.NamesIn(request.RawBody))
            .Concat(expect.Json.Values.SelectMany(Placeholders.NamesIn))
            .Concat(expect.Headers.Values.SelectMany(Placeholders.NamesIn));
        CheckNames(used, where, problems, extra);
    }

    public void CheckNames(IEnumerable<string> used, string where, ProblemList problems, params string[] extra)
    {
        foreach (var name in used.Distinct().Where(n => !Captured.Contains(n) && !ScenarioVariables.BuiltIn.Contains(n) && !extra.Contains(n)))
        {
            problems.Add(File, where, Collected.Contains(name)
                ? $"'{{{{{name}}}}}' is a list gathered by collect; only expectUpstream.effects.references can use it"
                : name == BurstStep.Index
                    ? "'{{i}}' is only defined inside a burst step"
                    : $"'{{{{{name}}}}}' is used before any step captures it");
        }
    }
}
