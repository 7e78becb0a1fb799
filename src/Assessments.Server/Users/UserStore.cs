using System.Security.Claims;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Npgsql;

namespace Assessments.Server.Users;

/// <summary>The <c>users</c> table (admins and interviewers): tokens are kept only as their hash.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates a user, audited in the same transaction; false when the name is taken (nothing is written then).</summary>
    public async Task<bool> CreateAsync(Guid id, string name, string role, string token, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var insert = new NpgsqlCommand("insert into users (id, name, role, token_hash) values ($1, $2, $3, $4)", connection, transaction)
                .With(id, name, role, Tokens.Hash(token));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation())
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "user.create", "user", id.ToString(), null, new { name, role }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, name, role, created_at from users order by created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserSummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return users;
    }

    /// <summary>Makes the named user an admin holding this token, creating them if need be (the bootstrap admin at start-up).</summary>
    public async Task SetAdminTokenAsync(string name, string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into users (id, name, role, token_hash) values ($1, $2, 'admin', $3)
            on conflict (name) do update set token_hash = excluded.token_hash, role = 'admin'
            """).With(Guid.CreateVersion7(), name, Tokens.Hash(token));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
