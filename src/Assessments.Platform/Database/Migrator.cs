using Npgsql;

namespace Assessments.Platform.Database;

/// <summary>
/// Applies the embedded SQL migrations in name order, each once, recorded in <c>schema_migrations</c>.
/// A session advisory lock makes concurrent start-ups (the API and several workers) wait for one another.
/// </summary>
public static partial class Migrator
{
    // Any constant shared by every process that migrates this database.
    private const long LockKey = 0x4153_5345_5353;

    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, "create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())", cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("select version from schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var done = new List<string>();
            foreach (var (version, sql) in Embedded().Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var migrate = new NpgsqlCommand(sql, connection, transaction))
                {
                    await migrate.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("insert into schema_migrations (version) values ($1)", connection, transaction))
                {
                    record.Parameters.AddWithValue(version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                done.Add(version);
            }

            return done;
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>The migrations shipped in this assembly, ordered by name (001_…, 002_…).</summary>
    public static IReadOnlyList<(string Version, string Sql)> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (Path.GetFileNameWithoutExtension(n["migrations/".Length..]), reader.ReadToEnd());
            })
            .ToList();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
