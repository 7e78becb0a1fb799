using System.Buffers;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Reads an HttpClient response's body under a size limit (the path for targets the wire client
/// does not serve). Without a body check the bytes are counted and dropped through a pooled buffer;
/// with one they are kept in a pooled buffer the response gives back when disposed.
/// </summary>
public static class BodyReader
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<ReceivedResponse> ReadAsync(HttpResponseMessage response, bool keep, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var length = 0;
        long total = 0;
        var handedOver = false;
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
                    handedOver = keep;
                    return new ReceivedResponse(
                        (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), total, keep ? buffer : null, length);
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
        finally
        {
            if (!handedOver)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
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
