using Npgsql;

namespace Assessments.Server.Data;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Assessments";

    /// <summary>One <see cref="NpgsqlDataSource"/> for the process (it owns the connection pool).</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set (env ConnectionStrings__{ConnectionStringName}).");
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        // Registered first: hosted services start in order, and the others need the schema.
        services.AddHostedService<MigrationService>();
        return services;
    }

    /// <summary>A positional parameter list for <c>$1, $2…</c> SQL; nulls become database nulls.</summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static T? NullableField<T>(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);

    public static bool IsUniqueViolation(this PostgresException e) => e.SqlState == PostgresErrorCodes.UniqueViolation;
}
