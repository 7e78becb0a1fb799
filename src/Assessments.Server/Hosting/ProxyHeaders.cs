using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Assessments.Server.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the server sees plain HTTP from the proxy's address. The proxy's
/// <c>X-Forwarded-Proto/-Host/-For</c> headers are believed only from loopback and the addresses in
/// <c>Assessments:TrustedProxies</c>, so that cookies get <c>Secure</c>, the origin check compares
/// against the address the browser used, and rate limits count the real client.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection($"{ServerOptions.Section}:{nameof(ServerOptions.TrustedProxies)}").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // One proxy in front: only its last hop is taken, never a chain the client wrote itself.
            options.ForwardLimit = 1;
            foreach (var entry in trusted.Where(e => !string.IsNullOrWhiteSpace(e)))
            {
                if (entry.Contains('/'))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry.Trim()));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry.Trim()));
                }
            }
        });
        return services;
    }
}
