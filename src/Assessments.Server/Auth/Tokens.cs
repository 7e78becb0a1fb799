using System.Security.Cryptography;
using System.Text;

namespace Assessments.Server.Auth;

/// <summary>Bearer tokens: 32 random bytes, base64url; only their SHA-256 is stored, so a database leak yields no usable token.</summary>
public static class Tokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
