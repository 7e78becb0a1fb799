using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assessments.Upstream;

/// <summary>
/// The challenge's <c>upstream:</c> block with its data, as the runner hands it over: a file named by
/// <c>UPSTREAM_CONFIG</c>, or the JSON itself in <c>UPSTREAM_CONFIG_JSON</c> (a container has no mounts).
/// </summary>
public sealed record UpstreamSettings
{
    public string Resources { get; init; } = "resources";

    public string? Effects { get; init; }

    public int LatencyMs { get; init; }

    public int JitterMs { get; init; }

    public int PaddingBytes { get; init; }

    /// <summary>Seeds the latency jitter, so a grading repeats with the same seed.</summary>
    public int Seed { get; init; } = 1;

    public Dictionary<string, JsonObject> Data { get; init; } = [];

    public static UpstreamSettings FromEnvironment()
    {
        var inline = Environment.GetEnvironmentVariable("UPSTREAM_CONFIG_JSON");
        var path = Environment.GetEnvironmentVariable("UPSTREAM_CONFIG");
        var json = !string.IsNullOrWhiteSpace(inline) ? inline
            : !string.IsNullOrWhiteSpace(path) ? File.ReadAllText(path)
            : "{}";
        return Parse(json);
    }

    public static UpstreamSettings Parse(string json) =>
        JsonSerializer.Deserialize<UpstreamSettings>(json, JsonSerializerOptions.Web) ?? new UpstreamSettings();
}
