using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// The upstream stub's source files, embedded in this assembly: the build context of its image and the
/// hash that names it, so a changed stub is rebuilt and an unchanged one is reused.
/// </summary>
internal static class UpstreamSources
{
    private const string Prefix = "upstream/";
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<IReadOnlyList<(string Path, byte[] Content)>> Files = new(Load);

    /// <summary>The first 12 hex digits of the sha256 over every file's path and contents, in path order.</summary>
    public static string Hash { get; } = ComputeHash();

    public static IReadOnlyList<string> Paths => Files.Value.Select(f => f.Path).ToList();

    public static MemoryStream BuildContext()
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in Files.Value)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    ModificationTime = Epoch,
                    DataStream = new MemoryStream(content),
                });
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static string ComputeHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, content) in Files.Value)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{path}\n{content.Length}\n"));
            sha.AppendData(content);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private static List<(string Path, byte[] Content)> Load()
    {
        var assembly = typeof(UpstreamSources).Assembly;
        var files = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            files.Add((name[Prefix.Length..].Replace('\\', '/'), copy.ToArray()));
        }

        if (files.Count == 0)
        {
            throw new InvalidOperationException("the upstream stub's sources are not embedded in the runner");
        }

        return files;
    }
}
