namespace Assessments.Domain.Challenges;

/// <summary>
/// The runner-provided dependency a challenge declares (<c>upstream:</c>): the stub serves
/// <c>GET /{Resources}/{key}</c> from <see cref="DataJson"/> and records <c>POST /{Effects}</c>.
/// </summary>
/// <param name="DataJson">The data file's contents: a JSON object of key → JSON object.</param>
public sealed record UpstreamSpec(
    string Resources,
    string? Effects,
    int LatencyMs,
    int JitterMs,
    int PaddingBytes,
    string DataJson);
