using System.Buffers;

namespace Assessments.Load.Dispatch;

/// <summary>What the engine keeps of one response, whichever client read it; dispose to give a kept body's pooled buffer back.</summary>
public readonly struct ReceivedResponse(int statusCode, string? contentType, long bodyBytes, byte[]? kept, int keptLength) : IDisposable
{
    public int StatusCode { get; } = statusCode;

    public string? ContentType { get; } = contentType;

    public long BodyBytes { get; } = bodyBytes;

    public ReadOnlyMemory<byte> Body => kept is null ? ReadOnlyMemory<byte>.Empty : kept.AsMemory(0, keptLength);

    public void Dispose()
    {
        if (kept is not null)
        {
            ArrayPool<byte>.Shared.Return(kept);
        }
    }
}
