namespace Assessments.IntegrationTests.RedTeam;

/// <summary>Makes a hostile submission in a temp folder: the hostile service with a behaviour, or with a Dockerfile of the test's own.</summary>
internal static class HostileSubmission
{
    private static readonly string Template = Path.Combine(AppContext.BaseDirectory, "Submissions", "hostile");

    public static string WithBehaviour(string root, string behaviour)
    {
        var folder = Copy(root, behaviour.Split(' ')[0]);
        File.WriteAllText(Path.Combine(folder, "behaviour.txt"), behaviour);
        return folder;
    }

    public static string WithDockerfile(string root, string name, string dockerfile)
    {
        var folder = Copy(root, name);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        return folder;
    }

    private static string Copy(string root, string name)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Template))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
