namespace Assessments.Submissions;

public enum ArchiveKind
{
    Zip,
    TarGz,
}

internal static class ArchiveKinds
{
    /// <summary>Detects the kind from the file's first bytes, not its name, since names can lie.</summary>
    public static ArchiveKind? Detect(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        var read = stream.Read(magic);
        if (read >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] is 3 or 5)
        {
            return ArchiveKind.Zip;
        }

        return read >= 2 && magic[0] == 0x1f && magic[1] == 0x8b ? ArchiveKind.TarGz : null;
    }
}
