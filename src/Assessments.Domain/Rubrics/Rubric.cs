using Assessments.Domain.Scoring;

namespace Assessments.Domain.Rubrics;

/// <summary>
/// How a challenge turns check outcomes into points and a level. Versioned on its own, because hiring
/// teams tune rubrics while the challenge stays the same.
/// </summary>
public sealed record Rubric(string Version, IReadOnlyList<Criterion> Criteria, IReadOnlyList<LevelGate> Levels)
{
    public int MaxPoints => Criteria.Sum(c => c.Points);

    public LevelGate? GateFor(Level level) => Levels.FirstOrDefault(g => g.Level == level);
}

/// <summary>
/// One thing an interviewer would look for. It passes when every check it names passed; with
/// <see cref="Partial"/> it earns points in proportion to the checks that passed.
/// </summary>
public sealed record Criterion(
    string Id,
    string Title,
    string Competency,
    int Points,
    IReadOnlyList<string> Checks,
    bool Partial = false);

/// <summary>What a submission must show to reach a level: a minimum score and criteria that must pass.</summary>
public sealed record LevelGate(Level Level, int MinScore, IReadOnlyList<string> Requires);
