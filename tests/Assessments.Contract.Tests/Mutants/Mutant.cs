using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assessments.Contract.Tests.Mutants;

/// <summary>
/// A bug injected into the best reference solution, described as data: exact text to find in a
/// file and what to put instead. Applied to a temporary copy, never to the reference itself.
/// </summary>
public sealed class Mutant
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The kind of bug, in the words of the issue (wrong status code, schema drift…).</summary>
    public string Kind { get; set; } = string.Empty;

    public List<Edit> Edits { get; set; } = [];

    public override string ToString() => Name;

    public static IReadOnlyList<Mutant> LoadAll() =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<MutantsFile>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mutants", "mutants.yaml")))
            .Mutants;

    /// <summary>Copies the reference and applies the edits; a find text that is not there exactly once fails loudly, so a stale mutant never passes as "killed".</summary>
    public string ApplyTo(string reference, string root)
    {
        var target = Path.Combine(root, Name);
        foreach (var file in Directory.EnumerateFiles(reference, "*", SearchOption.AllDirectories)
                     .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(reference, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        foreach (var edit in Edits)
        {
            var path = Path.Combine(target, edit.File);
            var text = File.ReadAllText(path);
            var count = (text.Length - text.Replace(edit.Find, string.Empty, StringComparison.Ordinal).Length) / edit.Find.Length;
            if (count != 1)
            {
                throw new InvalidOperationException($"mutant {Name}: the text to find occurs {count} times in {edit.File}, expected once: {edit.Find}");
            }

            File.WriteAllText(path, text.Replace(edit.Find, edit.Replace, StringComparison.Ordinal));
        }

        return target;
    }

    public sealed class Edit
    {
        public string File { get; set; } = "Program.cs";

        public string Find { get; set; } = string.Empty;

        public string Replace { get; set; } = string.Empty;
    }

    private sealed class MutantsFile
    {
        public List<Mutant> Mutants { get; set; } = [];
    }
}
