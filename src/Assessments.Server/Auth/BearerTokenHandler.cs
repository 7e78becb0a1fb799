using System.Security.Claims;
using System.Text.Encodings.Web;
using Assessments.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the stored token hashes: a user's
/// (admin, interviewer) or a candidate's invitation. An expired or revoked invitation fails (401).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("malformed token");
        }

        await using var command = dataSource.CreateCommand("""
            select id, name, role, null, now() + interval '1 day', null from users where token_hash = $1
            union all
            select id, candidate_name, 'candidate', challenge_id, expires_at, revoked_at from invitations where token_hash = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Tokens.Hash(token) });
        await using var reader = await command.ExecuteReaderAsync(Context.RequestAborted);
        if (!await reader.ReadAsync(Context.RequestAborted))
        {
            return AuthenticateResult.Fail("unknown token");
        }

        var role = reader.GetString(2);
        if (role == Roles.Candidate && (!reader.IsDBNull(5) || reader.GetFieldValue<DateTimeOffset>(4) <= DateTimeOffset.UtcNow))
        {
            return AuthenticateResult.Fail("the invitation expired or was revoked");
        }

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
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>A 401 says which scheme to use (RFC 6750).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
