namespace Assessments.Contract.Spec;

/// <summary>Media type names as the contract compares them: without parameters, case-insensitive.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";

    public static string? Bare(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();

    public static bool IsJson(string mediaType)
    {
        var bare = Bare(mediaType) ?? string.Empty;
        return bare == Json || bare.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>Whether an actual media type is covered by a documented one (<c>application/*</c>, <c>*/*</c> included).</summary>
    public static bool Covers(string documented, string actual)
    {
        var d = Bare(documented) ?? string.Empty;
        return d == actual || d == "*/*" || (d.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(d[..^1], StringComparison.Ordinal));
    }
}
