namespace Assessments.Domain.Challenges.Loading;

/// <summary>One thing wrong with a challenge folder, located precisely enough to fix without guessing.</summary>
public sealed record ChallengeProblem(string File, string Where, string Message)
{
    public override string ToString() => Where.Length == 0 ? $"{File}: {Message}" : $"{File}: {Where}: {Message}";
}

/// <summary>Collects problems while a challenge is read, so that authors see all of them at once.</summary>
internal sealed class ProblemList
{
    private readonly List<ChallengeProblem> _problems = [];

    public IReadOnlyList<ChallengeProblem> All => _problems;

    public void Add(string file, string where, string message) => _problems.Add(new ChallengeProblem(file, where, message));

    /// <summary>Records a problem when the value is missing or blank; returns whether it was present.</summary>
    public bool Require(object? value, string file, string where, string what)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            Add(file, where, $"{what} is required");
            return false;
        }

        return true;
    }
}

/// <summary>Thrown when a challenge cannot be used; carries every problem found.</summary>
public sealed class InvalidChallengeException(string directory, IReadOnlyList<ChallengeProblem> problems)
    : Exception($"Challenge '{directory}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<ChallengeProblem> Problems { get; } = problems;
}
