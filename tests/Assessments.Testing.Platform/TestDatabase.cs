using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Testing.Platform;

/// <summary>
/// A database of its own for one test class on the PostgreSQL that scripts/ensure-postgres.sh starts
/// (or <c>ASSESSMENTS_TEST_POSTGRES</c>), migrated, and dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string Server = Environment.GetEnvironmentVariable("ASSESSMENTS_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=55432;Username=assessments;Pooling=true;Maximum Pool Size=40";

    private TestDatabase(string name, string connectionString, NpgsqlDataSource dataSource)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var name = $"test_{purpose.ToLowerInvariant()}_{Guid.NewGuid():n}"[..40];
        await using (var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            try
            {
                await using var create = admin.CreateCommand($"create database {name}");
                await create.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e) when (e.InnerException is System.Net.Sockets.SocketException || e is not PostgresException)
            {
                throw new InvalidOperationException($"No PostgreSQL answers at '{Server}': run scripts/ensure-postgres.sh (make test does) or set ASSESSMENTS_TEST_POSTGRES.", e);
            }
        }

        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator.ApplyAsync(dataSource, CancellationToken.None);
        return new TestDatabase(name, connectionString, dataSource);
    }

    public async Task<long> CountAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"select count(*) from {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await using var drop = admin.CreateCommand($"drop database if exists {Name} with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
