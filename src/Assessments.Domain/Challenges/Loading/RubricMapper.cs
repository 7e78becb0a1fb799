using Assessments.Domain.Scenarios;
using Assessments.Domain.Rubrics;
using Assessments.Domain.Scoring;

namespace Assessments.Domain.Challenges.Loading;

internal static class RubricMapper
{
    private const string File = ChallengeFiles.Rubric;

    public static Rubric? Map(RubricDocument doc, IEnumerable<string> scenarioIds, ProblemList problems)
    {
        problems.Require(doc.Version, File, "version", "rubric version");
        var knownChecks = scenarioIds.Concat(BuiltInChecks.All).ToHashSet(StringComparer.Ordinal);
        var criteria = new List<Criterion>();
        var docs = doc.Criteria ?? [];
        if (docs.Count == 0)
        {
            problems.Add(File, "criteria", "at least one criterion is required");
        }

        for (var i = 0; i < docs.Count; i++)
        {
            var c = docs[i];
            var where = $"criteria[{i}]";
            problems.Require(c.Id, File, $"{where}.id", "criterion id");
            problems.Require(c.Title, File, $"{where}.title", "criterion title");
            problems.Require(c.Competency, File, $"{where}.competency", "competency");
            if (c.Points is null or < 1 or > 100)
            {
                problems.Add(File, $"{where}.points", "points must be between 1 and 100");
            }

            if (c.Checks is null || c.Checks.Count == 0)
            {
                problems.Add(File, $"{where}.checks", "a criterion needs at least one check: no point without evidence");
            }

            foreach (var unknown in (c.Checks ?? []).Where(id => !knownChecks.Contains(id)))
            {
                problems.Add(File, $"{where}.checks", $"'{unknown}' is neither a scenario in {ChallengeFiles.Scenarios} nor a built-in check");
            }

            if (criteria.Any(x => x.Id == c.Id))
            {
                problems.Add(File, $"{where}.id", $"'{c.Id}' is used twice");
            }

            criteria.Add(new Criterion(c.Id ?? string.Empty, c.Title ?? string.Empty, c.Competency ?? string.Empty, c.Points ?? 0, c.Checks ?? [], c.Partial));
        }

        var gates = MapLevels(doc, criteria, problems);
        return doc.Version is null ? null : new Rubric(doc.Version, criteria, gates);
    }

    private static List<LevelGate> MapLevels(RubricDocument doc, List<Criterion> criteria, ProblemList problems)
    {
        var gates = new List<LevelGate>();
        foreach (var (name, gate) in doc.Levels ?? [])
        {
            var where = $"levels.{name}";
            if (!LevelNames.TryParse(name, out var level) || level == Level.NotYet)
            {
                problems.Add(File, where, $"'{name}' is not a gated level (junior, engineer-ii, senior)");
                continue;
            }

            if (gate.MinScore is null or < 0 or > 100)
            {
                problems.Add(File, $"{where}.minScore", "minScore must be between 0 and 100");
            }

            foreach (var unknown in (gate.Requires ?? []).Where(id => criteria.All(c => c.Id != id)))
            {
                problems.Add(File, $"{where}.requires", $"'{unknown}' is not a criterion of this rubric");
            }

            gates.Add(new LevelGate(level, gate.MinScore ?? 0, gate.Requires ?? []));
        }

        if (gates.Count == 0)
        {
            problems.Add(File, "levels", "at least one level gate is required");
        }

        // Higher levels must not be easier to reach than lower ones, or the ladder makes no sense.
        var ordered = gates.OrderBy(g => g.Level).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].MinScore < ordered[i - 1].MinScore)
            {
                problems.Add(File, $"levels.{ordered[i].Level.ToName()}.minScore", $"is lower than {ordered[i - 1].Level.ToName()}'s");
            }
        }

        return ordered;
    }
}
