using System.Security.Claims;
using System.Text.Json;
using Assessments.Client;
using Assessments.Server.Auth;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Audit;

/// <summary>
/// Every change someone makes (who, what, when, before and after), written in the same transaction as
/// the change (so writing takes the caller's connection); reading uses the data source this log is built with.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public static async Task WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ClaimsPrincipal actor,
        string action,
        string entity,
        string entityId,
        object? before,
        object? after,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "insert into audit_log (actor, action, entity, entity_id, before, after) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)",
            connection,
            transaction).With(actor.Actor(), action, entity, entityId, ToJson(before), ToJson(after));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// An entry for something that happened outside this database's transactions (a rebuilt index, a job
    /// the queue already requeued), in a transaction of its own.
    /// </summary>
    public async Task WriteAsync(ClaimsPrincipal actor, string action, string entity, string entityId, object? before, object? after, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAsync(connection, transaction, actor, action, entity, entityId, before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, actor, action, entity, entity_id, before::text, after::text, at from audit_log order by id desc limit $1").With(limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The audit trail of one submission, for its review page (the admin API lists the whole log).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForSubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, actor, action, entity, entity_id, before::text, after::text, at
              from audit_log where entity = 'submission' and entity_id = $1 order by id desc limit 200
            """).With(submissionId.ToString());
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<AuditEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Parse(reader.NullableField<string>(5)), Parse(reader.NullableField<string>(6)), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return entries;
    }

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
