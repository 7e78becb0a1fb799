using System.Security.Cryptography;

namespace Assessments.Runner.Operations;

/// <summary>A fresh W3C traceparent (version 00, sampled) and where its trace id shows up again.</summary>
public sealed record TraceContext(string TraceId, string ParentId)
{
    public string Header => $"00-{TraceId}-{ParentId}-01";

    public static TraceContext Fresh() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    /// <summary>Whether a traceparent or traceresponse header value carries this trace id (version-00 layout).</summary>
    public bool IsCarriedBy(string? headerValue) =>
        headerValue is not null && headerValue.Split(',').Select(v => v.Trim().Split('-')).Any(parts => parts.Length >= 4 && string.Equals(parts[1], TraceId, StringComparison.OrdinalIgnoreCase));

    public bool IsMentionedIn(string line) => line.Contains(TraceId, StringComparison.OrdinalIgnoreCase);
}
