namespace Assessments.Contract.Tests.Support;

/// <summary>Finds the repository (the folder with Assessments.sln) from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Challenge(string id) => Path.Combine(Root, "challenges", id);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Assessments.sln not found above " + AppContext.BaseDirectory);
    }
}
