namespace Assessments.Cli;

/// <summary>
/// Finds a challenge folder from what the user typed: a path to a folder, or an id looked up in
/// <c>$ASSESS_CHALLENGES</c>, then in a <c>challenges/</c> folder above the working directory or the tool.
/// </summary>
internal static class ChallengeLocator
{
    public static string Resolve(string idOrPath)
    {
        if (Directory.Exists(idOrPath))
        {
            return Path.GetFullPath(idOrPath);
        }

        foreach (var root in Roots())
        {
            var candidate = Path.Combine(root, idOrPath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No challenge '{idOrPath}': it is not a folder, and no challenges folder holds it (searched: {string.Join(", ", Roots())}). Set ASSESS_CHALLENGES or pass a path.");
    }

    /// <summary>Every challenges folder in reach, nearest first.</summary>
    public static IReadOnlyList<string> Roots()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("ASSESS_CHALLENGES") is { Length: > 0 } configured)
        {
            roots.Add(Path.GetFullPath(configured));
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "challenges");
                if (Directory.Exists(candidate) && !roots.Contains(candidate))
                {
                    roots.Add(candidate);
                    break;
                }
            }
        }

        return roots;
    }
}
