using System.Formats.Tar;
using System.IO.Compression;

namespace Assessments.UnitTests.Support;

/// <summary>Builds the archives a candidate could hand in, including the hostile ones.</summary>
public static class Archives
{
    public static string Zip(string path, params (string Name, string Content)[] files) =>
        Zip(path, zip =>
        {
            foreach (var (name, content) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        });

    public static string Zip(string path, Action<ZipArchive> build)
    {
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            build(zip);
        }

        return path;
    }

    public static string ZipOf(string folder, string path)
    {
        ZipFile.CreateFromDirectory(folder, path);
        return path;
    }

    public static string TarGz(string path, params (string Name, string Content)[] files) =>
        TarGz(path, tar =>
        {
            foreach (var (name, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
                });
            }
        });

    public static string TarGz(string path, Action<TarWriter> write)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(tar);
        }

        return path;
    }

    public static string TarGzOf(string folder, string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
        return path;
    }
}
