using System.Buffers;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// One response's body as it arrives: counted against the plan's limit, and kept in a pooled buffer
/// only when a check will read it. A kept buffer goes to the response, which returns it to the pool.
/// </summary>
internal sealed class ResponseBody : IBodySink
{
    private bool _keep;
    private int _limit;
    private byte[]? _kept;
    private int _keptLength;

    public long Bytes { get; private set; }

    public void Begin(bool keep, int limit)
    {
        _keep = keep;
        _limit = limit;
        Bytes = 0;
        _keptLength = 0;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Bytes += bytes.Length;
        if (Bytes > _limit)
        {
            throw new ResponseBodyTooLargeException(_limit);
        }

        if (!_keep)
        {
            return;
        }

        if (_kept is null || _keptLength + bytes.Length > _kept.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(4096, Math.Max(_keptLength + bytes.Length, (_kept?.Length ?? 0) * 2)));
            _kept?.AsSpan(0, _keptLength).CopyTo(larger);
            Release();
            _kept = larger;
        }

        bytes.CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += bytes.Length;
    }

    /// <summary>The finished response, which now owns the kept buffer.</summary>
    public ReceivedResponse Hand(int statusCode, string? contentType)
    {
        var kept = _keep ? _kept ?? [] : null;
        var response = new ReceivedResponse(statusCode, contentType, Bytes, kept is { Length: > 0 } ? kept : null, _keptLength);
        if (_keep)
        {
            _kept = null;
        }

        return response;
    }

    public void Release()
    {
        if (_kept is not null)
        {
            ArrayPool<byte>.Shared.Return(_kept);
            _kept = null;
        }
    }
}
