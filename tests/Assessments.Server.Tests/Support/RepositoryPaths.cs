using Assessments.Tests.Shared;

namespace Assessments.Server.Tests.Support;

/// <summary>Where the repository's challenges and the built worker host are, found from the test's own folder.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

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

    /// <summary>A copy of the challenges without load profiles, for tests of the queue around a real grading (<see cref="ChallengesWithoutLoad"/>).</summary>
    public static string ChallengesWithoutLoadProfile() => ChallengesWithoutLoad.CopyFrom(Challenges);
}
