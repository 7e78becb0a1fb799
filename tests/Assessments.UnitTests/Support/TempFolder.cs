namespace Assessments.UnitTests.Support;

/// <summary>A scratch folder under the system temp path, removed with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("assess-unit-").FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a text file (creating its folders) and returns its full path.</summary>
    public string Write(string relative, string content) => WriteBytes(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relative, byte[] content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Copies a folder (all files below it) to <paramref name="relative"/> and returns the copy's full path.</summary>
    public string CopyOf(string folder, string relative)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            WriteBytes(Path.Combine(relative, Path.GetRelativePath(folder, file)), File.ReadAllBytes(file));
        }

        return PathOf(relative);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
