using Assessments.Contract.Spec;

namespace Assessments.Contract.Generation;

/// <summary>Why a request is sent, which decides what its response must look like beyond the contract itself.</summary>
public enum ProbePurpose
{
    /// <summary>Within the schema: must be accepted (2xx).</summary>
    Valid,

    /// <summary>Breaks the schema on purpose: must be rejected (4xx, problem+json).</summary>
    Invalid,

    /// <summary>Allowed by the schema but the server may legitimately refuse it (unknown ids, opaque tokens, repeats): any documented answer will do.</summary>
    Edge,
}

/// <summary>One generated request for one operation, before it is sent.</summary>
public sealed record PlannedRequest(
    ContractOperation Operation,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    ProbePurpose Purpose,
    string Description)
{
    public string Method => Operation.Method;

    /// <summary>The request as one line: what determinism is checked on.</summary>
    public override string ToString() => $"{Method} {PathAndQuery} {string.Join(' ', Headers.Select(h => $"{h.Key}:{h.Value}"))} {Body}".TrimEnd();
}
