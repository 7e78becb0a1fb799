using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Bench.Queue;

/// <summary>
/// A database of the benchmark's own on the PostgreSQL of scripts/ensure-postgres.sh (or
/// <c>ASSESSMENTS_TEST_POSTGRES</c>), migrated, and dropped at the end, as the server tests do.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private static readonly string Server = Environment.GetEnvironmentVariable("ASSESSMENTS_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=55432;Username=assessments";

    private BenchDatabase(string name, NpgsqlDataSource dataSource)
    {
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(int connections, CancellationToken cancellationToken)
    {
        var name = $"bench_queue_{Guid.NewGuid():n}"[..32];
        await using (var admin = AdminDataSource())
        await using (var create = admin.CreateCommand($"create database {name}"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Every worker holds one connection at a time; a few more for the seeding and the EXPLAIN.
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = connections + 4 };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var database = new BenchDatabase(name, dataSource);
        try
        {
            await Migrator.ApplyAsync(dataSource, cancellationToken);
            return database;
        }
        catch (Exception)
        {
            // A database that could not be migrated is dropped like any other.
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops the database even when the run was cancelled (Ctrl-C): it never outlives the benchmark.</summary>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = AdminDataSource();
        await using var drop = admin.CreateCommand($"drop database if exists {Name} with (force)");
        await drop.ExecuteNonQueryAsync();
    }

    private static NpgsqlDataSource AdminDataSource() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
}
