namespace Assessments.Tests.Shared;

/// <summary>The checkout the tests run from: the folder holding Assessments.sln, found by walking up from the test's own folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Assessments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Assessments.sln above {AppContext.BaseDirectory}.");
    }
}
