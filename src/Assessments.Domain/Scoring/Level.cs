namespace Assessments.Domain.Scoring;

/// <summary>The level a graded submission reaches, lowest first so that levels compare by order.</summary>
public enum Level
{
    NotYet,
    Junior,
    EngineerII,
    Senior,
}

public static class LevelNames
{
    private static readonly Dictionary<Level, string> Names = new()
    {
        [Level.NotYet] = "not-yet",
        [Level.Junior] = "junior",
        [Level.EngineerII] = "engineer-ii",
        [Level.Senior] = "senior",
    };

    /// <summary>The levels a rubric can gate, in ascending order.</summary>
    public static IReadOnlyList<Level> Gated { get; } = [Level.Junior, Level.EngineerII, Level.Senior];

    public static string ToName(this Level level) => Names[level];

    public static bool TryParse(string? name, out Level level)
    {
        foreach (var (candidate, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = Level.NotYet;
        return false;
    }
}
