using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>
/// One recorded exchange as plain text (the request as sent, the response as received), shared by the
/// candidate's feedback page and <c>assess check</c> so both show an exchange the same way.
/// Not encoded: HTML callers encode, terminals print as is (ANSI and control characters already stripped).
/// </summary>
public static class ExchangeText
{
    public static string Request(HttpExchange exchange)
    {
        var r = exchange.Request;
        return Clean($"{r.Method} {r.Url}\n{Headers(r.Headers)}\n{r.Body}".TrimEnd());
    }

    public static string Response(HttpExchange exchange) => Clean(exchange.Response is { } response
        ? $"{response.Status} ({exchange.DurationMs:0} ms)\n{Headers(response.Headers)}\n{response.Body}{(response.BodyTruncated ? "\n… (truncated)" : string.Empty)}".TrimEnd()
        : $"no response ({exchange.Error ?? "nothing came back"})");

    private static string Headers(IReadOnlyDictionary<string, string> headers) =>
        string.Join('\n', headers.Select(kv => $"{kv.Key}: {kv.Value}"));

    private static string Clean(string text) => LogText.Clean(text.Replace("\n", "\u2028", StringComparison.Ordinal)).Replace("\u2028", "\n", StringComparison.Ordinal);
}
