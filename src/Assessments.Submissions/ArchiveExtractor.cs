using System.Formats.Tar;
using System.IO.Compression;

namespace Assessments.Submissions;

/// <summary>
/// Extracts an archive into an empty folder while enforcing every intake rule as it goes: entry names
/// are checked before anything is written, and sizes and the expansion ratio are counted from the
/// bytes actually written, because an archive's declared sizes can lie; a bomb is stopped at the
/// limit, not measured afterwards.
/// </summary>
internal static class ArchiveExtractor
{
    public static void Extract(string archive, ArchiveKind kind, string destination, SubmissionLimits limits)
    {
        var budget = new ExtractionBudget(limits, new FileInfo(archive).Length, kind == ArchiveKind.TarGz);
        if (kind == ArchiveKind.Zip)
        {
            ExtractZip(archive, destination, budget);
        }
        else
        {
            ExtractTarGz(archive, destination, budget);
        }

        if (budget.Files == 0)
        {
            throw new SubmissionRejectedException("the archive is empty: it holds no files");
        }
    }

    private static void ExtractZip(string archive, string destination, ExtractionBudget budget)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archive);
        }
        catch (InvalidDataException e)
        {
            throw new SubmissionRejectedException($"the zip archive is corrupt ({e.Message})");
        }

        using (zip)
        {
            try
            {
                foreach (var entry in zip.Entries)
                {
                    ExtractZipEntry(entry, destination, budget);
                }
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                throw new SubmissionRejectedException($"the zip archive is corrupt or uses an unsupported feature ({e.Message})");
            }
        }
    }

    private static void ExtractZipEntry(ZipArchiveEntry entry, string destination, ExtractionBudget budget)
    {
        var name = EntryNames.Check(entry.FullName);
        budget.CountEntry(name);
        const int unixTypeMask = 0xF000 << 16;
        if ((entry.ExternalAttributes & unixTypeMask) == (0xA000 << 16))
        {
            throw new SubmissionRejectedException("links are not allowed in a submission", name);
        }

        if (name.EndsWith('/'))
        {
            EntryWriter.CreateFolder(destination, name);
            return;
        }

        budget.CheckDeclaredRatio(entry.Length, entry.CompressedLength, name);
        using var source = entry.Open();
        EntryWriter.WriteFile(source, destination, name, budget, entry.CompressedLength);
    }

    private static void ExtractTarGz(string archive, string destination, ExtractionBudget budget)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        try
        {
            while (tar.GetNextEntry() is { } entry)
            {
                // Metadata for the whole archive (git archive puts the commit id there), never written out.
                if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
                {
                    budget.CountEntry(entry.Name);
                    continue;
                }

                var name = EntryNames.Check(entry.Name);
                budget.CountEntry(name);
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        EntryWriter.CreateFolder(destination, name);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        EntryWriter.WriteFile(entry.DataStream ?? Stream.Null, destination, name, budget, compressedLength: null);
                        break;
                    case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                        throw new SubmissionRejectedException("links are not allowed in a submission", name);
                    default:
                        throw new SubmissionRejectedException($"only regular files and folders are allowed, not {entry.EntryType}", name);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new SubmissionRejectedException($"the tar.gz archive is corrupt ({e.Message})");
        }
    }
}
