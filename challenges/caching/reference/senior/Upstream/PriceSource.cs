using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PriceLookup.Upstream;

/// <summary>The metered upstream: one call per method, each bounded by the upstream timeout.</summary>
public sealed class PriceSource(IHttpClientFactory clients, IOptions<UpstreamOptions> options)
{
    public const string ClientName = "upstream";

    /// <returns>The price, or null when the upstream does not know the SKU.</returns>
    /// <exception cref="UpstreamUnavailableException">The upstream failed, was unreachable or too slow.</exception>
    public async Task<PriceRecord?> FetchAsync(string sku, CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var http = clients.CreateClient(ClientName);
            using var response = await http.GetAsync($"prices/{Uri.EscapeDataString(sku)}", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamUnavailableException($"the upstream answered {(int)response.StatusCode}", timedOut: false);
            }

            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return PriceRecord.Parse(sku, body);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamUnavailableException($"the upstream did not answer within {timeout.TotalMilliseconds} ms", timedOut: true, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new UpstreamUnavailableException("the upstream could not be reached", timedOut: false, exception);
        }
        catch (JsonException exception)
        {
            throw new UpstreamUnavailableException("the upstream answered with something that is not JSON", timedOut: false, exception);
        }
    }
}
