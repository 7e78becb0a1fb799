using System.Diagnostics;
using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Runner.Checks;

/// <summary>
/// Sends one request to the service and records the exchange as evidence: response bodies are read
/// up to a limit (a service may answer endlessly), shown shorter still, and secrets are redacted.
/// </summary>
public sealed class ExchangeRecorder(HttpClient http, Func<Uri> service, int localPort)
{
    /// <summary>Measures the runner's own delays, for judging response-time limits; null measures none.</summary>
    public RunnerLagProbe? Lag { get; init; }

    public ExchangeRecorder(HttpClient http, Uri service, int localPort)
        : this(http, () => service, localPort)
    {
    }

    public const int MaxBodyBytes = 1024 * 1024;
    public const int ShownBodyChars = 4096;

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Proxy-Authorization" };

    public async Task<RecordedExchange> SendAsync(
        string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(service(), pathAndQuery));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var sentHeaders = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType ?? "application/json");
            sentHeaders["Content-Type"] = contentType ?? "application/json";
        }

        var requestRecord = new HttpRequestRecord(method, pathAndQuery, Redact(sentHeaders), Shorten(body));
        var curl = CurlCommand.For(method, pathAndQuery, Redact(sentHeaders), body, localPort);
        var clock = Stopwatch.StartNew();
        var sentAt = Stopwatch.GetTimestamp();

        // HttpClient.Timeout stops at the headers when they are read first; an endless body needs its own deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(http.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var (text, truncated) = await ReadBoundedAsync(response.Content, deadline.Token);
            var responseHeaders = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            var record = new HttpResponseRecord((int)response.StatusCode, Redact(responseHeaders), Shorten(text), truncated || text.Length > ShownBodyChars);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            return new RecordedExchange(new HttpExchange(requestRecord, record, elapsed, null, curl), text, responseHeaders)
            {
                BodyCutOff = truncated,
                RunnerDelayMs = Lag?.WorstBetween(sentAt, Stopwatch.GetTimestamp()) ?? 0,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"no complete response within {http.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return Failed($"the request failed: {e.HttpRequestError} ({e.InnerException?.Message ?? e.Message})");
        }
        catch (IOException e)
        {
            return Failed($"the response was cut off: {e.Message}");
        }

        RecordedExchange Failed(string error) =>
            new(new HttpExchange(requestRecord, null, clock.Elapsed.TotalMilliseconds, error, curl), null, null);
    }

    private static async Task<(string Text, bool Truncated)> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        var truncated = total > MaxBodyBytes;
        return (Encoding.UTF8.GetString(buffer, 0, Math.Min(total, MaxBodyBytes)), truncated);
    }

    private static Dictionary<string, string> Redact(IReadOnlyDictionary<string, string> headers) =>
        headers.ToDictionary(h => h.Key, h => Secret.Contains(h.Key) ? "[redacted]" : h.Value, StringComparer.OrdinalIgnoreCase);

    private static string? Shorten(string? body) =>
        body is null ? null : body.Length > ShownBodyChars ? body[..ShownBodyChars] : body;
}

/// <summary>An exchange as evidence plus the full (bounded) body and headers the expectations need.</summary>
public sealed record RecordedExchange(HttpExchange Evidence, string? Body, IReadOnlyDictionary<string, string>? Headers)
{
    /// <summary>
    /// The body went past <see cref="ExchangeRecorder.MaxBodyBytes"/> and was read only that far (unlike
    /// the evidence's BodyTruncated, which also says the report shows it shortened).
    /// </summary>
    public bool BodyCutOff { get; init; }

    /// <summary>The worst delay the runner itself had while this exchange was under way, in milliseconds (0 when not measured).</summary>
    public double RunnerDelayMs { get; init; }
}
