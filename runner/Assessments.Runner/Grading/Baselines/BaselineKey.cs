using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assessments.Domain.Challenges;
using Assessments.Submissions.Sandbox;

namespace Assessments.Runner.Grading.Baselines;

/// <summary>
/// What a stored baseline is only valid for: the same challenge version and load profile, the same
/// reference sources, the same CPU limits, on the same machine. Any change measures again.
/// </summary>
public sealed record BaselineKey(
    string ChallengeId,
    string ChallengeVersion,
    string ReferenceSha256,
    string Profile,
    string CpuLimits,
    string Machine)
{
    public static BaselineKey For(Challenge challenge, LoadProfile profile, string referenceSha256, SandboxLimits sandbox) => new(
        challenge.Id,
        challenge.Version,
        referenceSha256,
        $"{profile.Method} {profile.Path} rate={profile.Rate} duration={profile.Duration.TotalSeconds} warmup={profile.Warmup.TotalSeconds} connections={profile.Connections}",
        $"cpuset={sandbox.CpuSet ?? "unpinned"} upstream={sandbox.UpstreamCpuSet ?? "unpinned"} quota={sandbox.RunCpus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} cpus={Environment.ProcessorCount}",
        MachineIdentity.Current);

    /// <summary>A file name that changes whenever any part of the key does.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string FileName => $"{ChallengeId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this))))[..16]}.json";
}

/// <summary>This machine as baselines know it: /etc/machine-id, the CPU model and how many processors there are.</summary>
internal static class MachineIdentity
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var id = TryRead("/etc/machine-id")?.Trim() ?? Environment.MachineName;
        var model = TryRead("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown cpu";
        return $"{id} | {model} | {Environment.ProcessorCount} processors";
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
