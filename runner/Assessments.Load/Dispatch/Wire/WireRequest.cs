using System.Net;
using System.Text;
using Assessments.Load.Model;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// A step's request as the bytes that go on the wire, written once before the run: each send is
/// then one system call on a ready buffer, with nothing built, copied or encoded per request.
/// </summary>
public sealed class WireRequest
{
    private WireRequest(byte[] bytes, DnsEndPoint endpoint, bool head)
    {
        Bytes = bytes;
        Endpoint = endpoint;
        IsHead = head;
    }

    public byte[] Bytes { get; }

    public DnsEndPoint Endpoint { get; }

    public bool IsHead { get; }

    public static WireRequest From(HttpRequestTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var uri = template.Uri;
        var head = new StringBuilder();
        head.Append(template.Method.Method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(uri.GetComponents(UriComponents.HostAndPort, UriFormat.UriEscaped)).Append("\r\n");
        foreach (var (name, value) in template.Headers)
        {
            Header(head, name, value);
        }

        if (!template.Body.IsEmpty || template.Method == HttpMethod.Post || template.Method == HttpMethod.Put || template.Method == HttpMethod.Patch)
        {
            if (template.ContentType is { } contentType)
            {
                Header(head, "Content-Type", contentType);
            }

            Header(head, "Content-Length", template.Body.Length.ToString());
        }

        head.Append("\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + template.Body.Length];
        headBytes.CopyTo(bytes, 0);
        template.Body.Span.CopyTo(bytes.AsSpan(headBytes.Length));
        return new WireRequest(bytes, new DnsEndPoint(uri.IdnHost.Trim('[', ']'), uri.Port), template.Method == HttpMethod.Head);
    }

    private static void Header(StringBuilder head, string name, string value)
    {
        // A line break in a header would let a plan smuggle a second request onto the connection.
        if (name.AsSpan().IndexOfAny('\r', '\n', ':') >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The header '{name}' contains a line break or a colon in its name.");
        }

        head.Append(name).Append(": ").Append(value).Append("\r\n");
    }
}
