using System.Security.Cryptography;
using System.Text.Json;

/// <summary>Strong validators for conditional reads: the ETag is a hash of the representation.</summary>
static class ETags
{
    public static string Of<T>(T representation) =>
        $"\"{Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(representation)))[..20].ToLowerInvariant()}\"";

    /// <summary>True when If-None-Match names this ETag (or is <c>*</c>).</summary>
    public static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() is var t && (t == "*" || t == etag || t == "W/" + etag)));
}
