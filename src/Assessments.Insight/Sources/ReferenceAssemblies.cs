using Microsoft.CodeAnalysis;

namespace Assessments.Insight.Sources;

/// <summary>
/// The framework assemblies a submission is bound against: the SDK's reference packs
/// (Microsoft.NETCore.App.Ref, Microsoft.AspNetCore.App.Ref) when this machine has an SDK, else the
/// runtime's own shared frameworks; none at all means syntax-only analysis. Never the submission's
/// packages, analyzers or generators: nothing of the submission is loaded.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Loaded = new(Load);

    /// <summary>Read once per process: loading the metadata of a few hundred assemblies is the slow part of binding.</summary>
    public static IReadOnlyList<MetadataReference> Framework => Loaded.Value;

    private static List<MetadataReference> Load()
    {
        var folders = Folders();
        return folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Select(TryRead)
            .OfType<MetadataReference>()
            .ToList();
    }

    private static MetadataReference? TryRead(string path)
    {
        try
        {
            return MetadataReference.CreateFromFile(path);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<string> Folders()
    {
        // typeof(object) lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtime is null)
        {
            return [];
        }

        var shared = Directory.GetParent(runtime)?.Parent;
        var dotnetRoot = shared?.Parent;
        var found = new List<string>();
        foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            var refPack = dotnetRoot is null ? null : Newest(Path.Combine(dotnetRoot.FullName, "packs", framework + ".Ref"));
            var refFolder = refPack is null ? null : Directory.EnumerateDirectories(Path.Combine(refPack, "ref")).OrderDescending(StringComparer.Ordinal).FirstOrDefault();
            var runtimeFolder = shared is null ? null : Newest(Path.Combine(shared.FullName, framework));
            if (refFolder is not null)
            {
                found.Add(refFolder);
            }
            else if (runtimeFolder is not null)
            {
                found.Add(runtimeFolder);
            }
        }

        return found;
    }

    private static string? Newest(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0), Comparer<Version>.Default).FirstOrDefault()
            : null;
}
