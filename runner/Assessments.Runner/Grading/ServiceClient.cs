using System.Net;

namespace Assessments.Runner.Grading;

/// <summary>The HTTP client the runner talks to a candidate's service with: no proxy, no redirects, no cookies, tight timeouts.</summary>
internal static class ServiceClient
{
    public static HttpClient Create(TimeSpan requestTimeout) =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = requestTimeout,
        };
}
