
namespace Assessments.Insight.Tests.Support;

/// <summary>The checkout the tests run from, and the calibration set found in it.</summary>
public static class Repository
{
    public static string Root => RepositoryPaths.Root;

    public static string Challenges => RepositoryPaths.Challenges;

    /// <summary>Every <c>challenges/*/reference/*</c> folder, whoever added it: (challenge, level, folder).</summary>
    public static IReadOnlyList<(string Challenge, string Level, string Folder)> References() =>
        Directory.EnumerateDirectories(Challenges)
            .Where(c => Directory.Exists(Path.Combine(c, "reference")))
            .SelectMany(c => Directory.EnumerateDirectories(Path.Combine(c, "reference")).Select(r => (Path.GetFileName(c), Path.GetFileName(r), r)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal)
            .ToList();

    public static string Starter(string challenge) => Path.Combine(Challenges, challenge, "starter");

    public static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);
}
