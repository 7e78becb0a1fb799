using Assessments.Client;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Pages;

/// <summary>The audit trail of one submission, for its review page (the admin API lists the whole log).</summary>
public static class SubmissionAudit
{
    public static async Task<IReadOnlyList<AuditEntry>> ForSubmissionAsync(NpgsqlDataSource dataSource, Guid submissionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, actor, action, entity, entity_id, before::text, after::text, at
              from audit_log where entity = 'submission' and entity_id = $1 order by id desc limit 200
            """).With(submissionId.ToString());
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

    private static System.Text.Json.JsonElement? Parse(string? json) =>
        json is null ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
