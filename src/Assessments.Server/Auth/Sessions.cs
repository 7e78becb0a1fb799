using System.Security.Claims;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Auth;

/// <summary>
/// Server-side page sessions: a random id in the cookie, its hash in <c>sessions</c>, an expiry, and
/// revocation at sign-out. The cookie never holds the bearer token itself, so a copied cookie dies
/// with the session, and the token a user signed in with never sits in a browser's cookie jar.
/// </summary>
public sealed class Sessions(NpgsqlDataSource dataSource, CallerCache callers, IOptions<ServerOptions> options)
{
    /// <summary>Starts a session for whom a token was just verified; returns the id for the cookie.</summary>
    public async Task<(string Id, DateTimeOffset Expires)> StartAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var id = Tokens.New();
        var expires = DateTimeOffset.UtcNow.AddHours(options.Value.SessionHours);
        var candidate = principal.IsInRole(Roles.Candidate);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into sessions (id_hash, user_id, invitation_id, expires_at) values ($1, $2, $3, $4)")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = Tokens.Hash(id) },
                new NpgsqlParameter { Value = candidate ? DBNull.Value : principal.Id() },
                new NpgsqlParameter { Value = candidate ? principal.Id() : DBNull.Value },
                new NpgsqlParameter { Value = expires },
            },
        });
        // Expired sessions are of no use to anyone; they go as new ones come.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("delete from sessions where expires_at < now() - interval '1 day'"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return (id, expires);
    }

    public async Task RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(id);
        await using var command = dataSource.CreateCommand("update sessions set revoked_at = coalesce(revoked_at, now()) where id_hash = $1").With(hash);
        await command.ExecuteNonQueryAsync(cancellationToken);
        // Other servers hear of it by notification; this one forgets the session before answering the sign-out.
        callers.Evict(CallerCache.SessionKey(hash));
    }
}
