namespace Assessments.Submissions;

/// <summary>
/// What an extraction may still write: entries, bytes and expansion ratio, counted as bytes are
/// written, so that extraction stops at the limit instead of finding out afterwards.
/// </summary>
internal sealed class ExtractionBudget(SubmissionLimits limits, long archiveBytes, bool wholeArchiveRatio)
{
    // Tiny files compress extremely well without being bombs; the ratio rules apply above this size.
    public const long RatioFloorBytes = 4096;

    private int _entries;

    public SubmissionLimits Limits { get; } = limits;

    public long Written { get; private set; }

    public int Files { get; private set; }

    public void CountEntry(string name)
    {
        if (++_entries > Limits.MaxEntries)
        {
            throw new SubmissionRejectedException($"the archive has more than {Limits.MaxEntries:N0} entries", name);
        }
    }

    public void CountFile() => Files++;

    /// <summary>A zip entry's declared sizes: refused before reading when they already admit a bomb.</summary>
    public void CheckDeclaredRatio(long length, long compressedLength, string name)
    {
        if (length > RatioFloorBytes && length > Limits.MaxCompressionRatio * Math.Max(compressedLength, 1))
        {
            throw RatioExceeded(name);
        }
    }

    /// <summary>
    /// Counts bytes about to be written. A gzip stream has no per-entry sizes, so for a tar.gz the ratio
    /// applies to the archive as a whole; for a zip entry, to the entry's compressed size.
    /// </summary>
    public void CountBytes(int bytes, long writtenToEntry, long? entryCompressedLength, string name)
    {
        Written += bytes;
        if (Written > Limits.MaxExtractedBytes)
        {
            throw new SubmissionRejectedException($"the archive extracts to more than {Limits.MaxExtractedBytes:N0} bytes", name);
        }

        if (entryCompressedLength is { } c && writtenToEntry > RatioFloorBytes && writtenToEntry > Limits.MaxCompressionRatio * Math.Max(c, 1))
        {
            throw RatioExceeded(name);
        }

        if (wholeArchiveRatio && Written > RatioFloorBytes && Written > Limits.MaxCompressionRatio * archiveBytes)
        {
            throw RatioExceeded(name);
        }
    }

    private SubmissionRejectedException RatioExceeded(string name) =>
        new($"compression ratio above {Limits.MaxCompressionRatio} (a decompression bomb?); extraction stopped at {Written:N0} bytes", name);
}
