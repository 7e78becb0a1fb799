using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Assessments.Testing;

/// <summary>
/// Builds the archives a candidate could hand in, hostile ones included: as files for the intake's
/// tests (which read from disk), or in memory for the server's upload tests (which send the bytes).
/// </summary>
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
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                });
            }
        });

    public static string TarGz(string path, Action<TarWriter> write)
    {
        using (var file = File.Create(path))
        {
            WriteTarGz(file, write);
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

    public static byte[] ZipFolder(string folder)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, buffer, CompressionLevel.Optimal, includeBaseDirectory: false);
        return buffer.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] TarGz(Action<TarWriter> write)
    {
        using var buffer = new MemoryStream();
        WriteTarGz(buffer, write);
        return buffer.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Dockerfile => Text("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");

    private static void WriteTarGz(Stream target, Action<TarWriter> write)
    {
        using var gzip = new GZipStream(target, CompressionLevel.Optimal, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        write(tar);
    }
}
