using System.Globalization;
using System.Net;

namespace Assessments.Runner.Sandbox;

/// <summary>A listening TCP socket: the address it is bound to and its port.</summary>
public sealed record Listener(IPAddress Address, int Port)
{
    /// <summary>Bound to loopback only: nothing outside the container can connect to it.</summary>
    public bool IsLoopbackOnly => IPAddress.IsLoopback(Address);

    public override string ToString() => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}

/// <summary>
/// The TCP sockets a container listens on, read from the host through its init process's network
/// namespace (<c>/proc/PID/net/tcp</c>), without running anything inside the untrusted container.
/// Lets a readiness timeout say "it listens on 5000, not 8080" or "only on 127.0.0.1".
/// </summary>
public static class ListeningPorts
{
    private const string ListenState = "0A";

    // Docker's embedded DNS resolver listens inside every container on a user-defined network.
    private static readonly IPAddress DockerDns = IPAddress.Parse("127.0.0.11");

    /// <summary>The listeners, or null when the namespace cannot be read (not root, not on this host).</summary>
    public static IReadOnlyList<Listener>? Of(long pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        try
        {
            return new[] { "tcp", "tcp6" }
                .Select(file => $"/proc/{pid}/net/{file}")
                .Where(File.Exists)
                .SelectMany(File.ReadLines)
                .Select(Parse)
                .OfType<Listener>()
                .Where(l => !l.Address.Equals(DockerDns))
                .Distinct()
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses one line of /proc/net/tcp or tcp6; returns the listener when the socket listens.</summary>
    internal static Listener? Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || fields[3] != ListenState)
        {
            return null;
        }

        var local = fields[1].Split(':');
        if (local.Length != 2 || !int.TryParse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return Address(local[0]) is { } address ? new Listener(address, port) : null;
    }

    public static string Describe(IReadOnlyList<Listener>? listeners, int expected)
    {
        if (listeners is null)
        {
            return string.Empty;
        }

        var reachable = listeners.Where(l => !l.IsLoopbackOnly).Select(l => l.Port).Distinct().Order().ToList();
        if (reachable.Contains(expected))
        {
            return $"; it listens on port {expected}";
        }

        if (listeners.FirstOrDefault(l => l.Port == expected) is { } loopback)
        {
            return $"; it listens on port {expected} only on loopback ({loopback}), which nothing outside the container can reach";
        }

        return reachable.Count == 0
            ? "; it listens on no TCP port"
            : $"; it listens on {(reachable.Count == 1 ? "port" : "ports")} {string.Join(", ", reachable)}, not {expected}";
    }

    // /proc prints addresses as the kernel stores them: 32-bit words in host (little-endian) order.
    private static IPAddress? Address(string hex)
    {
        if (hex.Length is not (8 or 32) || !hex.All(Uri.IsHexDigit))
        {
            return null;
        }

        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var i = 0; i < 4; i++)
            {
                bytes[(word * 4) + i] = byte.Parse(hex.AsSpan((word * 8) + ((3 - i) * 2), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        return new IPAddress(bytes);
    }
}
