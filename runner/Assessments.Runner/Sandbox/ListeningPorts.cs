using System.Globalization;

namespace Assessments.Runner.Sandbox;

/// <summary>
/// The TCP ports a container listens on, read from the host through its init process's network
/// namespace (<c>/proc/PID/net/tcp</c>), without running anything inside the untrusted container.
/// Lets a readiness timeout say "it listens on 5000, not 8080".
/// </summary>
public static class ListeningPorts
{
    private const string ListenState = "0A";

    /// <summary>The listening ports, or null when the namespace cannot be read (not root, not on this host).</summary>
    public static IReadOnlyList<int>? Of(long pid)
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
                .OfType<int>()
                .Distinct()
                .Order()
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses one line of /proc/net/tcp; returns the local port when the socket listens.</summary>
    internal static int? Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || fields[3] != ListenState)
        {
            return null;
        }

        var local = fields[1].Split(':');
        return local.Length == 2 && int.TryParse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    public static string Describe(IReadOnlyList<int>? ports, int expected) => ports switch
    {
        null => string.Empty,
        { Count: 0 } => "; it listens on no TCP port",
        _ when ports.Contains(expected) => $"; it listens on port {expected}",
        _ => $"; it listens on {(ports.Count == 1 ? "port" : "ports")} {string.Join(", ", ports)}, not {expected}",
    };
}
