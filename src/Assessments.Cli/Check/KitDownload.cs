using System.IO.Compression;
using Assessments.Client;

namespace Assessments.Cli.Check;

/// <summary>The candidate kit fetched from the platform with an invite token, unpacked into a temporary folder removed afterwards.</summary>
internal sealed class KitDownload : IDisposable
{
    private readonly DirectoryInfo _root;

    private KitDownload(DirectoryInfo root, string folder)
    {
        _root = root;
        Folder = folder;
    }

    /// <summary>The kit's own folder (the zip holds one, named after the challenge).</summary>
    public string Folder { get; }

    public static async Task<KitDownload> FetchAsync(IAssessmentsApi api, CancellationToken cancellationToken)
    {
        using var content = await api.DownloadMyKitAsync(cancellationToken);
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        var root = Directory.CreateTempSubdirectory("assess-kit-");
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            // ExtractToDirectory refuses entries that would land outside the folder.
            zip.ExtractToDirectory(root.FullName);
        }

        var folder = Directory.GetDirectories(root.FullName).SingleOrDefault() ?? root.FullName;
        return new KitDownload(root, folder);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
