using System.Diagnostics;

namespace Assessments.Runner.Sandbox;

/// <summary>
/// Whether the host refuses connections coming from grading networks (the firewall rule that
/// scripts/ensure-docker.sh installs). Checked once per process and recorded in every report,
/// so a grading on a machine without it says so instead of implying isolation it did not have.
/// </summary>
public static class HostIsolation
{
    /// <summary>Grading networks get bridge interfaces named with this prefix; the firewall rule matches it.</summary>
    public const string BridgePrefix = "asmt-";

    private static readonly Lazy<bool> Enforced = new(Probe);

    public static bool IsEnforced => Enforced.Value;

    /// <summary>A bridge name of at most 15 characters (the kernel's limit) for a grading.</summary>
    public static string BridgeNameFor(string gradingId)
    {
        var id = new string(gradingId.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return BridgePrefix + (id.Length >= 10 ? id[..10] : id.PadRight(10, '0'));
    }

    private static bool Probe()
    {
        try
        {
            var start = new ProcessStartInfo("iptables", ["-C", "INPUT", "-i", BridgePrefix[..^1] + "+", "-m", "conntrack", "--ctstate", "NEW", "-j", "DROP"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start);
            if (process is null || !process.WaitForExit(5000))
            {
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
