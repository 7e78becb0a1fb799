using System.Buffers;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Reads a response body under a size limit. Without a body check the bytes are counted and dropped
/// through a pooled buffer; with one they are kept in a pooled buffer the caller returns.
/// </summary>
public static class BodyReader
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<ReadBody> ReadAsync(HttpContent content, bool keep, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var length = 0;
        long total = 0;
        try
        {
            while (true)
            {
                if (keep && length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(keep ? length : 0), cancellationToken);
                if (read == 0)
                {
                    return new ReadBody(total, keep ? buffer : null, length, buffer);
                }

                total += read;
                if (total > limit)
                {
                    throw new ResponseBodyTooLargeException(limit);
                }

                if (keep)
                {
                    length += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

/// <summary>A read body; dispose to give the pooled buffer back.</summary>
public readonly struct ReadBody(long bytes, byte[]? kept, int keptLength, byte[] rented) : IDisposable
{
    public long Bytes { get; } = bytes;

    public ReadOnlyMemory<byte> Content { get; } = kept is null ? ReadOnlyMemory<byte>.Empty : kept.AsMemory(0, keptLength);

    public void Dispose() => ArrayPool<byte>.Shared.Return(rented);
}
