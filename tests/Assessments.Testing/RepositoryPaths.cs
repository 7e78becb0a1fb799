namespace Assessments.Testing;

/// <summary>
/// The checkout the tests run from (the folder holding Assessments.sln, found by walking up from the
/// test's own folder), and what the tests look for in it: the challenges and the built hosts.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Challenges => Path.Combine(Root, "challenges");

    public static string Challenge(string id) => Path.Combine(Challenges, id);

    public static string ServerProject => Path.Combine(Root, "src", "Assessments.Server");

    /// <summary>The worker host built in the same configuration as these tests (the solution build makes it).</summary>
    public static string WorkerDll
    {
        get
        {
            var path = Path.Combine(Root, "runner", "Assessments.Worker", "bin", Configuration, "net10.0", "Assessments.Worker.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The worker host is not built: run `dotnet build runner/Assessments.Worker -c {Configuration}` (scripts/test.sh builds the solution).", path);
        }
    }

    /// <summary>The server's own build output, started as the README does (<c>dotnet run</c> builds the same).</summary>
    public static string ServerDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "Assessments.Server", "bin", Configuration, "net10.0", "Assessments.Server.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The server is not built: run `dotnet build src/Assessments.Server -c {Configuration}`.", path);
        }
    }

    /// <summary>A copy of the challenges without load profiles, for tests of the queue around a real grading (<see cref="ChallengesWithoutLoad"/>).</summary>
    public static string ChallengesWithoutLoadProfile() => ChallengesWithoutLoad.CopyFrom(Challenges);

    /// <summary>Debug or Release: the folder above the tests' own net10.0 output folder.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Assessments.sln above {AppContext.BaseDirectory}.");
    }
}
