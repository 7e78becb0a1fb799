using System.Formats.Tar;
using System.IO.Compression;

namespace Assessments.Runner.Submissions;

/// <summary>
/// Extracts an archive into an empty folder while enforcing every intake rule as it goes: entry names
/// are checked before anything is written, and sizes are counted from the bytes actually written,
/// because an archive's declared sizes can lie.
/// </summary>
internal static class ArchiveExtractor
{
    // Tiny files compress extremely well without being bombs; the ratio rule applies above this size.
    private const long RatioFloorBytes = 4096;

    public static void Extract(string archive, ArchiveKind kind, string destination, SubmissionLimits limits)
    {
        var budget = new ExtractionBudget(limits);
        if (kind == ArchiveKind.Zip)
        {
            ExtractZip(archive, destination, budget);
        }
        else
        {
            ExtractTarGz(archive, destination, budget);
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
            foreach (var entry in zip.Entries)
            {
                var name = EntryNames.Check(entry.FullName);
                budget.CountEntry(name);
                const int unixTypeMask = 0xF000 << 16;
                var unixType = entry.ExternalAttributes & unixTypeMask;
                if (unixType == (0xA000 << 16))
                {
                    throw new SubmissionRejectedException("links are not allowed in a submission", name);
                }

                if (name.EndsWith('/'))
                {
                    Directory.CreateDirectory(Path.Combine(destination, name));
                    continue;
                }

                if (entry.Length > RatioFloorBytes && entry.Length > budget.Limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    throw new SubmissionRejectedException($"compression ratio above {budget.Limits.MaxCompressionRatio} (a decompression bomb?)", name);
                }

                using var source = entry.Open();
                Write(source, destination, name, budget, entry.CompressedLength);
            }
        }
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
                        Directory.CreateDirectory(Path.Combine(destination, name));
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        if (entry.DataStream is { } data)
                        {
                            Write(data, destination, name, budget, compressedLength: null);
                        }
                        else
                        {
                            Write(Stream.Null, destination, name, budget, compressedLength: null);
                        }

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

        // A gzip stream has no per-entry sizes, so the ratio rule applies to the archive as a whole.
        if (budget.Written > RatioFloorBytes && budget.Written > budget.Limits.MaxCompressionRatio * new FileInfo(archive).Length)
        {
            throw new SubmissionRejectedException($"compression ratio above {budget.Limits.MaxCompressionRatio} (a decompression bomb?)");
        }
    }

    private static void Write(Stream source, string destination, string name, ExtractionBudget budget, long? compressedLength)
    {
        var target = Path.GetFullPath(Path.Combine(destination, name));
        if (!target.StartsWith(Path.GetFullPath(destination) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SubmissionRejectedException("the entry would be written outside the submission", name);
        }

        if (File.Exists(target))
        {
            throw new SubmissionRejectedException("the archive holds the same file twice", name);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            written += read;
            budget.CountBytes(read, name);
            if (compressedLength is { } c && written > RatioFloorBytes && written > budget.Limits.MaxCompressionRatio * Math.Max(c, 1))
            {
                throw new SubmissionRejectedException($"compression ratio above {budget.Limits.MaxCompressionRatio} (a decompression bomb?)", name);
            }

            output.Write(buffer, 0, read);
        }
    }

    private sealed class ExtractionBudget(SubmissionLimits limits)
    {
        private int _entries;

        public SubmissionLimits Limits { get; } = limits;

        public long Written { get; private set; }

        public void CountEntry(string name)
        {
            if (++_entries > Limits.MaxEntries)
            {
                throw new SubmissionRejectedException($"the archive has more than {Limits.MaxEntries:N0} entries", name);
            }
        }

        public void CountBytes(int bytes, string name)
        {
            Written += bytes;
            if (Written > Limits.MaxExtractedBytes)
            {
                throw new SubmissionRejectedException($"the archive extracts to more than {Limits.MaxExtractedBytes:N0} bytes", name);
            }
        }
    }
}
