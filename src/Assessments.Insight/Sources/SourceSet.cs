namespace Assessments.Insight.Sources;

/// <summary>
/// The files of a submission the analysis reads: sources in every <see cref="SourceLanguage"/>, project
/// files and settings files, gathered within <see cref="InsightLimits"/> (build output, VCS, dependency
/// and virtual-environment folders skipped, links never followed).
/// </summary>
public sealed class SourceSet
{
    // Vendored Go modules and Python environments are other people's code: counting them would make
    // two candidates who vendored the same library look alike.
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", ".vs", ".idea", "vendor", "__pycache__", ".venv", "venv"];

    private SourceSet(IReadOnlyList<SourceFile> code, IReadOnlyList<SourceFile> projects, IReadOnlyList<SourceFile> settings, IReadOnlyList<string> limitsReached)
    {
        Code = code;
        CSharp = code.Where(f => f.Language == SourceLanguage.CSharp).ToList();
        Languages = code.Select(f => f.Language).Distinct().Order().ToList();
        Projects = projects;
        Settings = settings;
        LimitsReached = limitsReached;
    }

    /// <summary>Every source file in a language insight reads, in path order: what similarity and metrics see.</summary>
    public IReadOnlyList<SourceFile> Code { get; }

    /// <summary>The C# among <see cref="Code"/>: what Roslyn binds and the findings rules read.</summary>
    public IReadOnlyList<SourceFile> CSharp { get; }

    public IReadOnlyList<SourceLanguage> Languages { get; }

    /// <summary>The <c>*.csproj</c> files, read to tell test projects from the service.</summary>
    public IReadOnlyList<SourceFile> Projects { get; }

    /// <summary><c>appsettings*.json</c>: where secrets are committed as often as in code.</summary>
    public IReadOnlyList<SourceFile> Settings { get; }

    public IReadOnlyList<string> LimitsReached { get; }

    public static SourceSet Read(string root, InsightLimits limits)
    {
        var reached = new List<string>();
        var files = new List<SourceFile>();
        long total = 0;
        foreach (var path in Enumerate(root).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var info = new FileInfo(path);
            if (info.Length > limits.MaxFileBytes)
            {
                reached.Add($"{relative} skipped: {info.Length:N0} bytes is above the {limits.MaxFileBytes:N0}-byte cap per file");
                continue;
            }

            if (files.Count >= limits.MaxFiles)
            {
                reached.Add($"only the first {limits.MaxFiles} source files were read");
                break;
            }

            if (total + info.Length > limits.MaxTotalBytes)
            {
                reached.Add($"stopped reading at {relative}: the {limits.MaxTotalBytes:N0}-byte cap on all source files was reached");
                break;
            }

            total += info.Length;
            files.Add(new SourceFile(relative, File.ReadAllText(path)));
        }

        return Classify(files, reached);
    }

    private static SourceSet Classify(IEnumerable<SourceFile> files, IReadOnlyList<string> reached)
    {
        var all = files.ToList();
        return new SourceSet(
            all.Where(f => IsCode(f.Path)).ToList(),
            all.Where(f => f.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList(),
            all.Where(f => IsSettings(f.Path)).ToList(),
            reached);
    }

    private static IEnumerable<string> Enumerate(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir, "*", options))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*", options))
            {
                var name = Path.GetFileName(file);
                if (IsCode(name) || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || IsSettings(name))
                {
                    yield return file;
                }
            }
        }
    }

    // Minified bundles are build output that happens to end in .js.
    private static bool IsCode(string path) =>
        SourceLanguages.FromPath(path) is not null && !path.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase);

    private static bool IsSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }
}
