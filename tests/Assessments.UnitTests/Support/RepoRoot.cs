namespace Assessments.UnitTests.Support;

/// <summary>The checkout the tests run from, found by walking up to the folder holding the solution.</summary>
public static class RepoRoot
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

        throw new InvalidOperationException($"No Assessments.sln above {AppContext.BaseDirectory}.");
    }
}
