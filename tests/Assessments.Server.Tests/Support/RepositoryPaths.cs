namespace Assessments.Server.Tests.Support;

/// <summary>Where the repository's challenges and the built worker host are, found from the test's own folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Challenges => Path.Combine(Root, "challenges");

    public static string ServerProject => Path.Combine(Root, "src", "Assessments.Server");

    /// <summary>The worker host built in the same configuration as these tests (the solution build makes it).</summary>
    public static string WorkerDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(Root, "runner", "Assessments.Worker", "bin", configuration, "net10.0", "Assessments.Worker.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The worker host is not built: run `dotnet build runner/Assessments.Worker -c {configuration}` (scripts/test.sh builds the solution).", path);
        }
    }

    /// <summary>The server's own build output, started as the README does (<c>dotnet run</c> builds the same).</summary>
    public static string ServerDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(Root, "src", "Assessments.Server", "bin", configuration, "net10.0", "Assessments.Server.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The server is not built: run `dotnet build src/Assessments.Server -c {configuration}`.", path);
        }
    }

    /// <summary>
    /// A copy of the challenges in a temporary folder, with the load profile taken out of api-design:
    /// for tests of the queue around a real grading, which must not depend on the load generator
    /// having spare CPU on a shared machine (a saturated generator is, rightly, a platform fault).
    /// </summary>
    public static string ChallengesWithoutLoadProfile()
    {
        var copy = Directory.CreateTempSubdirectory("assess-challenges-").FullName;
        foreach (var file in Directory.EnumerateFiles(Challenges, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Challenges, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var manifest = Path.Combine(copy, "api-design", "challenge.yaml");
        var kept = new List<string>();
        var inLoad = false;
        foreach (var line in File.ReadAllLines(manifest))
        {
            if (line.StartsWith("load:", StringComparison.Ordinal))
            {
                inLoad = true;
                continue;
            }

            if (inLoad && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inLoad = false;
            }

            if (!inLoad)
            {
                kept.Add(line);
            }
        }

        File.WriteAllLines(manifest, kept);
        return copy;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Assessments.sln not found above the test folder");
    }
}
