namespace Assessments.Submissions;

/// <summary>What an uploaded submission may be; any violation rejects the whole archive (SANDBOX.md).</summary>
public sealed record SubmissionLimits
{
    public long MaxCompressedBytes { get; init; } = 10 * 1024 * 1024;

    public long MaxExtractedBytes { get; init; } = 50 * 1024 * 1024;

    public int MaxEntries { get; init; } = 2_000;

    /// <summary>Per-entry compression ratio above which an entry is treated as a decompression bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 20;

    public static SubmissionLimits Default { get; } = new();
}
