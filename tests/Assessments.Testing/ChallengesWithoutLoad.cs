namespace Assessments.Testing;

/// <summary>
/// A copy of the repository's challenges in a temporary folder with every challenge's load profile
/// taken out. For tests of what surrounds a grading (the queue, the pages, the CLI, the sandbox,
/// hostile input, declared outcomes): they must not depend on the load generator having spare CPU,
/// so they can run beside other tests. A saturated generator is rightly a platform fault, and the
/// load itself is judged by the calibration tests, which run alone.
/// </summary>
public static class ChallengesWithoutLoad
{
    /// <summary>Copies <paramref name="challenges"/> (one folder per challenge); the caller deletes the copy.</summary>
    public static string CopyFrom(string challenges)
    {
        var copy = Directory.CreateTempSubdirectory("assess-challenges-").FullName;
        foreach (var file in Directory.EnumerateFiles(challenges, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(challenges, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var manifest in Directory.GetFiles(copy, "challenge.yaml", SearchOption.AllDirectories))
        {
            File.WriteAllLines(manifest, WithoutTopLevelKey(File.ReadAllLines(manifest), "load"));
        }

        return copy;
    }

    /// <summary>The YAML lines without a top-level key and the indented block under it.</summary>
    private static IEnumerable<string> WithoutTopLevelKey(IEnumerable<string> lines, string key)
    {
        var inside = false;
        foreach (var line in lines)
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                inside = true;
                continue;
            }

            if (inside && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inside = false;
            }

            if (!inside)
            {
                yield return line;
            }
        }
    }
}
