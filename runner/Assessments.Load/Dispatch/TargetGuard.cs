using System.Net;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Load goes only where it is allowed: loopback always, anything else only when named explicitly
/// (the grader names its own container). A typo must never point a generator at someone else.
/// </summary>
public static class TargetGuard
{
    public static bool IsAllowed(Uri target, IReadOnlyCollection<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri || target.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var host = target.IdnHost;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
        {
            return true;
        }

        return allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
    }

    public static void EnsureAllowed(Uri target, IReadOnlyCollection<string> allowedHosts)
    {
        if (!IsAllowed(target, allowedHosts))
        {
            throw new ArgumentException(
                $"Refusing to send load to {target}: only loopback addresses (127.0.0.0/8, ::1, localhost) or explicitly allowed hosts may be targeted.");
        }
    }
}
