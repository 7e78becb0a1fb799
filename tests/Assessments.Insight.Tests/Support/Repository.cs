
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

    /// <summary>A challenge's kits in every language: what similarity excludes from its submissions.</summary>
    public static IReadOnlyList<string> StartersOfEveryLanguage(string challenge) =>
        [Starter(challenge), .. OtherLanguageStarters().Where(s => s.Challenge == challenge).Select(s => s.Folder)];

    /// <summary>Every <c>challenges/*/starters/&lt;language&gt;</c> kit (the kits in languages other than C#): (challenge, language, folder).</summary>
    public static IReadOnlyList<(string Challenge, string Language, string Folder)> OtherLanguageStarters() =>
        Directory.EnumerateDirectories(Challenges)
            .Where(c => Directory.Exists(Path.Combine(c, "starters")))
            .SelectMany(c => Directory.EnumerateDirectories(Path.Combine(c, "starters")).Select(s => (Path.GetFileName(c), Path.GetFileName(s), s)))
            .OrderBy(s => s.Item1, StringComparer.Ordinal).ThenBy(s => s.Item2, StringComparer.Ordinal)
            .ToList();

    public static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);
}
