using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Assessments.Server.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Partner;

/// <summary>
/// Authenticates an ATS by the API key an admin issued, sent as Greenhouse does (HTTP Basic, the key as
/// user name, empty password). Keys are stored hashed; a revoked key is refused. Its own scheme, used
/// only by the partner endpoints, so it changes nothing for the bearer tokens of everyone else.
/// Known keys are remembered in <see cref="CallerCache"/>, so <c>last_used_at</c> is written when the
/// cache asks again: it is accurate to the cache's time-to-live.
/// </summary>
public sealed class PartnerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PartnerKeyStore keys,
    CallerCache cache,
    FailedAuthentications failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerKey";
    public const string Role = "partner";
    public const string KeyPrefix = "pk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyFrom(Request.Headers.Authorization.ToString()) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Tokens.Hash(key);
        var cacheKey = CallerCache.PartnerKeyKey(hash);
        if (cache.Find(cacheKey) is { } cached)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(cached, SchemeName));
        }

        var generation = cache.BeginLookup();
        if (await keys.UseAsync(hash, Context.RequestAborted) is not { } partnerKey)
        {
            // Counted like a wrong bearer token: partner keys are rate-limited against guessing too.
            await failures.RecordAsync(Context.Connection.RemoteIpAddress, "unknown or revoked partner key");
            return AuthenticateResult.Fail("unknown or revoked partner key");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, partnerKey.Id.ToString()), new Claim(ClaimTypes.Name, partnerKey.Name), new Claim(ClaimTypes.Role, Role)],
            SchemeName);
        var principal = new ClaimsPrincipal(identity);
        cache.Remember(cacheKey, $"partner-key:{partnerKey.Id}", principal, DateTimeOffset.MaxValue, generation);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"assessments-partner\"";
        return base.HandleChallengeAsync(properties);
    }

    private static string? KeyFrom(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[256];
        return Convert.TryFromBase64String(header["Basic ".Length..].Trim(), decoded, out var written)
            ? Bounded(Encoding.UTF8.GetString(decoded[..written]).Split(':')[0])
            : null;
    }

    private static string? Bounded(string key) => key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length <= 100 ? key : null;
}
