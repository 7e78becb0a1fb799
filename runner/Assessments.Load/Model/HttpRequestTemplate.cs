namespace Assessments.Load.Model;

/// <summary>
/// A request built once before the run. Only the message wrapper is created per iteration: the
/// body bytes and headers are shared, so the generator spends its time sending, not serialising.
/// </summary>
public sealed record HttpRequestTemplate(HttpMethod Method, Uri Uri)
{
    private long _messages;

    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;

    public string? ContentType { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>When not empty, messages go to these in turn instead of <see cref="Uri"/> (load spread over many keys).</summary>
    public IReadOnlyList<Uri> Rotation { get; init; } = [];

    public static HttpRequestTemplate Get(Uri uri) => new(HttpMethod.Get, uri);

    public static HttpRequestTemplate Post(Uri uri, ReadOnlyMemory<byte> body, string contentType) =>
        new(HttpMethod.Post, uri) { Body = body, ContentType = contentType };

    internal HttpRequestMessage ToMessage()
    {
        var uri = Rotation.Count == 0 ? Uri : Rotation[(int)((Interlocked.Increment(ref _messages) - 1) % Rotation.Count)];
        var message = new HttpRequestMessage(Method, uri) { Version = System.Net.HttpVersion.Version11 };
        if (!Body.IsEmpty)
        {
            message.Content = new ReadOnlyMemoryContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var header in Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }
}
