using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>Maps what a challenge runs next to the service: the <c>upstream:</c> stub and <c>service.dataVolume</c>.</summary>
internal static partial class DependencyMapper
{
    private const string File = ChallengeFiles.Manifest;

    /// <summary>The stub gets its data through its environment, which the kernel caps at 128 KiB per value.</summary>
    public const int MaxDataBytes = 64 * 1024;

    private static readonly string[] SystemFolders = ["/proc", "/sys", "/dev", "/etc", "/usr", "/bin", "/sbin", "/lib", "/tmp", "/run", "/var/run"];

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex RouteName();

    [GeneratedRegex("^(/[A-Za-z0-9._-]+)+$")]
    private static partial Regex AbsolutePath();

    public static UpstreamSpec? Upstream(string directory, UpstreamDocument doc, ProblemList problems)
    {
        const string where = "upstream";
        if (problems.Require(doc.Resources, File, $"{where}.resources", "the resource route name") && !RouteName().IsMatch(doc.Resources!))
        {
            problems.Add(File, $"{where}.resources", $"'{doc.Resources}' must be lower-case letters, digits and dashes (one path segment)");
        }

        if (doc.Effects is not null && (!RouteName().IsMatch(doc.Effects) || doc.Effects == doc.Resources || doc.Effects == "control"))
        {
            problems.Add(File, $"{where}.effects", $"'{doc.Effects}' must be one path segment of lower-case letters, digits and dashes, other than resources and 'control'");
        }

        var latency = doc.LatencyMs ?? 0;
        var jitter = doc.JitterMs ?? 0;
        var padding = doc.PaddingBytes ?? 0;
        if (latency is < 0 or > 10_000)
        {
            problems.Add(File, $"{where}.latencyMs", "must be between 0 and 10000");
        }

        if (jitter is < 0 or > 5_000)
        {
            problems.Add(File, $"{where}.jitterMs", "must be between 0 and 5000");
        }

        if (padding is < 0 or > 1024 * 1024)
        {
            problems.Add(File, $"{where}.paddingBytes", "must be between 0 and 1048576");
        }

        var data = doc.Data is null ? "{}" : ReadData(directory, doc.Data, problems);
        return data is null || doc.Resources is null ? null : new UpstreamSpec(doc.Resources, doc.Effects, latency, jitter, padding, data);
    }

    private static string? ReadData(string directory, string relative, ProblemList problems)
    {
        const string where = "upstream.data";
        var path = Path.GetFullPath(Path.Combine(directory, relative));
        if (!path.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal) || !System.IO.File.Exists(path))
        {
            problems.Add(File, where, $"'{relative}' is not a file inside the challenge folder");
            return null;
        }

        if (new FileInfo(path).Length > MaxDataBytes)
        {
            problems.Add(File, where, $"'{relative}' is larger than {MaxDataBytes / 1024} KiB (use generated gen-<n> keys for volume)");
            return null;
        }

        try
        {
            if (JsonNode.Parse(System.IO.File.ReadAllText(path)) is not JsonObject data)
            {
                problems.Add(relative, string.Empty, "must be a JSON object of key → JSON object");
                return null;
            }

            foreach (var (key, value) in data)
            {
                if (value is not JsonObject || key.Length == 0 || key.Contains('/'))
                {
                    problems.Add(relative, key, "every key must be one path segment and its value a JSON object");
                }
            }

            return data.ToJsonString();
        }
        catch (JsonException e)
        {
            problems.Add(relative, string.Empty, $"is not JSON: {e.Message}");
            return null;
        }
    }

    public static string? DataVolume(ServiceDocument? doc, ProblemList problems)
    {
        if (doc?.DataVolume is not { } path)
        {
            return null;
        }

        if (!AbsolutePath().IsMatch(path) || path.Split('/').Any(s => s is "." or "..")
            || SystemFolders.Any(f => path == f || path.StartsWith(f + "/", StringComparison.Ordinal)))
        {
            problems.Add(File, "service.dataVolume", $"'{path}' must be an absolute path of plain segments outside the system folders ({string.Join(", ", SystemFolders)})");
            return null;
        }

        return path;
    }
}
