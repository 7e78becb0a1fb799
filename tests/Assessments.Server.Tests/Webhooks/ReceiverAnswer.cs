using Microsoft.AspNetCore.Http;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// How a receiver answers: its status, how long it keeps the sender waiting before and after the headers,
/// and its body (the text, or <paramref name="BodyBytes"/> bytes of 'x' for a receiver that talks too much).
/// </summary>
public sealed record ReceiverAnswer(int Status = 200, TimeSpan BeforeHeaders = default, TimeSpan AfterHeaders = default, string Body = "thanks", int? BodyBytes = null)
{
    private const int Chunk = 64 * 1024;

    public async Task WriteAsync(HttpResponse response, CancellationToken aborted)
    {
        await Task.Delay(BeforeHeaders, aborted);
        response.StatusCode = Status;
        response.ContentType = "text/plain; charset=utf-8";
        await response.StartAsync(aborted);
        await response.Body.FlushAsync(aborted); // the headers leave now, whatever follows
        await Task.Delay(AfterHeaders, aborted);
        if (BodyBytes is not { } total)
        {
            await response.WriteAsync(Body, aborted);
            return;
        }

        var chunk = new byte[Chunk];
        Array.Fill(chunk, (byte)'x');
        for (var left = total; left > 0; left -= Chunk)
        {
            await response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(Chunk, left)), aborted);
        }
    }
}
