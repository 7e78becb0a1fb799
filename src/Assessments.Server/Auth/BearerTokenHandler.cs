using System.Security.Claims;
using System.Text.Encodings.Web;
using Assessments.Server.Hosting;
using Assessments.Server.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the stored token hashes (a user's,
/// or a candidate's invitation), or, without that header, the page session cookie against
/// <c>sessions</c>. An expired or revoked invitation or session fails (401), and every failure counts
/// against the client address's allowance (<see cref="FailedAuthentications"/>). Whom a credential
/// belongs to is remembered in <see cref="CallerCache"/>; failures are not, so a token made a moment
/// ago on another server works at once.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource,
    CallerCache cache,
    FailedAuthentications failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string ByToken = """
        select id, name, role, null, timestamptz '9999-12-31 00:00:00+00', null, 'user' from users where token_hash = $1
        union all
        select id, candidate_name, 'candidate', challenge_id, expires_at, revoked_at, 'invitation' from invitations where token_hash = $1
        """;

    private const string BySession = """
        select u.id, u.name, u.role, null, s.expires_at, s.revoked_at, 'user'
          from sessions s join users u on u.id = s.user_id where s.id_hash = $1
        union all
        select i.id, i.candidate_name, 'candidate', i.challenge_id, least(i.expires_at, s.expires_at), coalesce(s.revoked_at, i.revoked_at), 'invitation'
          from sessions s join invitations i on i.id = s.invitation_id where s.id_hash = $1
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        string credential;
        string query;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            (credential, query) = (header["Bearer ".Length..].Trim(), ByToken);
        }
        else if (header.Length == 0 && Request.Cookies.TryGetValue(PageSession.CookieName, out var session))
        {
            (credential, query) = (session, BySession);
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (credential.Length is 0 or > InputLimits.TokenChars)
        {
            return await FailedAsync("malformed token");
        }

        var hash = Tokens.Hash(credential);
        var key = query == ByToken ? CallerCache.TokenKey(hash) : CallerCache.SessionKey(hash);
        if (cache.Find(key) is { } cached)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(cached, SchemeName));
        }

        var generation = cache.BeginLookup();
        await using var command = dataSource.CreateCommand(query);
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(Context.RequestAborted);
        if (!await reader.ReadAsync(Context.RequestAborted))
        {
            return await FailedAsync(query == ByToken ? "unknown token" : "unknown session");
        }

        var expires = reader.GetFieldValue<DateTimeOffset>(4);
        if (!reader.IsDBNull(5) || expires <= DateTimeOffset.UtcNow)
        {
            return await FailedAsync(query == ByToken ? "the invitation expired or was revoked" : "the session expired or was ended");
        }

        var role = reader.GetString(2);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, reader.GetGuid(0).ToString()),
            new(ClaimTypes.Name, reader.GetString(1)),
            new(ClaimTypes.Role, role),
        };
        if (!reader.IsDBNull(3))
        {
            claims.Add(new Claim(Caller.ChallengeClaim, reader.GetString(3)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        cache.Remember(key, $"{reader.GetString(6)}:{reader.GetGuid(0)}", principal, expires, generation);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>A 401 says which scheme to use (RFC 6750).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private async Task<AuthenticateResult> FailedAsync(string reason)
    {
        await failures.RecordAsync(Context.Connection.RemoteIpAddress, reason);
        return AuthenticateResult.Fail(reason);
    }
}
