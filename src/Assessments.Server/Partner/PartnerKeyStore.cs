using System.Security.Claims;
using Assessments.Client;
using Assessments.Platform.Database;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Npgsql;

namespace Assessments.Server.Partner;

/// <summary>
/// The <c>partner_api_keys</c> table: keys are kept only as their SHA-256 and a short prefix to
/// recognise them by; issuing and revoking write their audit entry in the same transaction.
/// </summary>
public sealed class PartnerKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores a new key under its hash, audited; answers when it was issued.</summary>
    public async Task<DateTimeOffset> CreateAsync(Guid id, string name, string key, string prefix, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        DateTimeOffset createdAt;
        await using (var insert = new NpgsqlCommand(
            "insert into partner_api_keys (id, name, key_hash, prefix, created_by) values ($1, $2, $3, $4, $5) returning created_at",
            connection,
            transaction).With(id, name, Tokens.Hash(key), prefix, actor.Actor()))
        {
            createdAt = new DateTimeOffset((DateTime)(await insert.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "partner-key.create", "partner_key", id.ToString(), null, new { name, prefix }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return createdAt;
    }

    public async Task<IReadOnlyList<PartnerKeySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, name, prefix, created_at, revoked_at, last_used_at from partner_api_keys order by created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<PartnerKeySummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new PartnerKeySummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.NullableField<DateTimeOffset?>(4), reader.NullableField<DateTimeOffset?>(5)));
        }

        return keys;
    }

    /// <summary>Revokes a key (the first revocation time is kept), audited; false for an unknown key.</summary>
    public async Task<bool> RevokeAsync(Guid id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var revoke = new NpgsqlCommand("update partner_api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1", connection, transaction).With(id))
        {
            if (await revoke.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "partner-key.revoke", "partner_key", id.ToString(), null, new { revoked = true }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The live key with this hash, its use recorded in the same statement; null when it is unknown or
    /// revoked. The caller caches the answer, so <c>last_used_at</c> is as fresh as that cache.
    /// </summary>
    public async Task<(Guid Id, string Name)?> UseAsync(byte[] keyHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update partner_api_keys set last_used_at = now() where key_hash = $1 and revoked_at is null returning id, name");
        command.Parameters.Add(new NpgsqlParameter { Value = keyHash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }
}
