using System.Xml.Linq;

namespace Assessments.UnitTests.Architecture;

/// <summary>
/// The projects under src/ and runner/ as their .csproj files declare them: which projects and packages
/// each references, and what it reaches through them. Read from the files, not from the build, so a
/// reference that goes the wrong way fails a test before anyone builds on it.
/// </summary>
internal sealed class ProjectGraph
{
    private readonly Dictionary<string, Project> _projects;

    private ProjectGraph(Dictionary<string, Project> projects) => _projects = projects;

    public static ProjectGraph Repository { get; } = Read(RepositoryPaths.Root, "src", "runner");

    public IReadOnlyCollection<string> Names => _projects.Keys;

    public static ProjectGraph Read(string root, params string[] folders)
    {
        var projects = folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(Parse)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        return new ProjectGraph(projects);
    }

    public IReadOnlyList<string> ProjectsOf(string name) => Get(name).Projects;

    public IReadOnlyList<string> PackagesOf(string name) => Get(name).Packages;

    /// <summary>Every project and package <paramref name="name"/> reaches, each with the path of references that gets there.</summary>
    public IReadOnlyDictionary<string, string> Reached(string name)
    {
        var reached = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<(string Name, string Path)>([(name, name)]);
        while (pending.TryDequeue(out var current))
        {
            if (!_projects.TryGetValue(current.Name, out var project))
            {
                continue;
            }

            foreach (var next in project.Projects.Concat(project.Packages))
            {
                if (reached.TryAdd(next, $"{current.Path} -> {next}"))
                {
                    pending.Enqueue((next, reached[next]));
                }
            }
        }

        return reached;
    }

    private Project Get(string name) =>
        _projects.TryGetValue(name, out var project) ? project : throw new KeyNotFoundException($"No project {name} under src/ or runner/.");

    private static Project Parse(string path)
    {
        var xml = XDocument.Load(path);
        var folder = Path.GetDirectoryName(path)!;
        var projects = xml.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(Path.GetFullPath(Path.Combine(folder, (string)r.Attribute("Include")!))))
            .ToList();
        var packages = xml.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!).ToList();
        return new Project(Path.GetFileNameWithoutExtension(path), projects, packages);
    }

    private sealed record Project(string Name, IReadOnlyList<string> Projects, IReadOnlyList<string> Packages);
}
