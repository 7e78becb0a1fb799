namespace Assessments.Cli.Check;

/// <summary>Finds the kit a service belongs to: the nearest folder, from the service up, that holds a challenge.yaml.</summary>
internal static class KitLocator
{
    public static string? Find(string service)
    {
        var start = Directory.Exists(service) ? Path.GetFullPath(service) : Path.GetDirectoryName(Path.GetFullPath(service))!;
        foreach (var origin in new[] { start, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Domain.Challenges.ChallengeFiles.Manifest)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
