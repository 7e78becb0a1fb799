using System.Text.Json.Serialization;

namespace Assessments.Load.Statistics;

/// <summary>Summary of one latency histogram, in milliseconds. All zero when <see cref="Count"/> is zero.</summary>
public sealed record LatencyStatistics(
    long Count,
    double Min,
    double Mean,
    double Max,
    double StdDev,
    double P50,
    double P75,
    double P90,
    double P95,
    double P99,
    [property: JsonPropertyName("p999")] double P999)
{
    public static LatencyStatistics Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
