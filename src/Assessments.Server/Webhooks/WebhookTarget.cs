using System.Net;
using System.Net.Sockets;

namespace Assessments.Server.Webhooks;

/// <summary>
/// Which URLs a webhook may point at: absolute http or https, no credentials in the URL, no fragment,
/// and no loopback host unless the operator allows it. Checked when an endpoint is saved and again
/// for every address a request actually connects to (a name can resolve to loopback later).
/// </summary>
public static class WebhookTarget
{
    public const int MaxUrlLength = 2048;

    /// <summary>Null when <paramref name="url"/> is an acceptable target, otherwise why not.</summary>
    public static string? Problem(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength)
        {
            return $"a URL of 1 to {MaxUrlLength} characters is required";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry a user name or password: the request is signed instead";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "must not have a fragment (#…)";
        }

        if (!allowLoopback && IsLoopbackHost(uri))
        {
            return "loopback targets are refused (the operator can allow them with Webhooks:AllowLoopback)";
        }

        return IPAddress.TryParse(uri.IdnHost, out var address) && Forbidden(address) ? "must not be an unspecified, link-local or multicast address" : null;
    }

    /// <summary>Whether a connection to <paramref name="address"/> may be opened.</summary>
    public static bool MayConnect(IPAddress address, bool allowLoopback) =>
        !Forbidden(address) && (allowLoopback || !IPAddress.IsLoopback(Unmapped(address)));

    private static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    // Link-local covers cloud metadata services (169.254.169.254); never a webhook receiver.
    private static bool Forbidden(IPAddress address)
    {
        var a = Unmapped(address);
        return a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any) || a.IsIPv6LinkLocal || a.IsIPv6Multicast ||
               (a.AddressFamily == AddressFamily.InterNetwork && (a.GetAddressBytes() is [169, 254, ..] || a.GetAddressBytes()[0] >= 224));
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
