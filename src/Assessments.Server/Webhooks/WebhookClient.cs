using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Webhooks;

/// <summary>
/// Sends one signed delivery. Bounded everywhere: the body size, the whole request's time, the bytes of
/// the answer read; redirects are not followed and every address connected to is checked against the
/// target rules (so a name that resolves to loopback is refused like a loopback URL).
/// </summary>
public sealed class WebhookClient(IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string HttpClientName = "webhooks";

    public static void Configure(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ConnectCallback = (context, cancellationToken) => ConnectAsync(context, provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback, cancellationToken),
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

    public async Task<AttemptOutcome> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = Envelope(delivery);
        if (Encoding.UTF8.GetByteCount(body) > settings.MaxPayloadBytes)
        {
            // Retrying cannot shrink the body: with the default eight attempts the delivery sat pending for some
            // twenty minutes before failing, as WebhookOptions.MaxPayloadBytes says it does at once. An admin who
            // raises the cap redelivers it.
            return new AttemptOutcome(null, 0, $"payload larger than {settings.MaxPayloadBytes} bytes; not sent", null, WorthRetrying: false);
        }

        if (WebhookTarget.Problem(delivery.Url, settings.AllowLoopback) is { } problem)
        {
            return new AttemptOutcome(null, 0, $"target refused: {problem}", null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, timestamp, body));
        request.Headers.Add("Assessments-Event", delivery.EventType);
        request.Headers.Add("Assessments-Event-Id", delivery.EventId.ToString());
        request.Headers.Add("Assessments-Delivery", delivery.Id.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Assessments-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, settings.ResponseExcerptBytes, timeout.Token);
            return new AttemptOutcome((int)response.StatusCode, clock.Elapsed.TotalMilliseconds, null, excerpt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, clock.Elapsed.TotalMilliseconds, $"no answer within {settings.TimeoutSeconds} s", null);
        }
        catch (HttpRequestException e)
        {
            return new AttemptOutcome(null, clock.Elapsed.TotalMilliseconds, $"request failed: {e.Message}", null);
        }
    }

    /// <summary>What the receiver gets: the stable event id, its type and time, and the event's data.</summary>
    public static string Envelope(ClaimedDelivery delivery) =>
        $"{{\"id\":\"{delivery.EventId}\",\"type\":\"{delivery.EventType}\",\"createdAt\":\"{delivery.EventCreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\",\"data\":{delivery.Payload}}}";

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (limit == 0)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[limit];
        var read = 0;
        while (read < limit && await stream.ReadAsync(buffer.AsMemory(read, limit - read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\t'));
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => WebhookTarget.MayConnect(a, allowLoopback)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no address a webhook may be sent to");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw;
        }
    }
}
