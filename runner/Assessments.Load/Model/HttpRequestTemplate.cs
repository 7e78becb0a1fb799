namespace Assessments.Load.Model;

/// <summary>
/// A request built once before the run. Only the message wrapper is created per iteration: the
/// body bytes and headers are shared, so the generator spends its time sending, not serialising.
/// </summary>
public sealed record HttpRequestTemplate(HttpMethod Method, Uri Uri)
{
    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;

    public string? ContentType { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static HttpRequestTemplate Get(Uri uri) => new(HttpMethod.Get, uri);

    public static HttpRequestTemplate Post(Uri uri, ReadOnlyMemory<byte> body, string contentType) =>
        new(HttpMethod.Post, uri) { Body = body, ContentType = contentType };

    internal HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Uri) { Version = System.Net.HttpVersion.Version11 };
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
