using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Data;

public static class DatabaseExtensions
{
    /// <summary>One <see cref="NpgsqlDataSource"/> for the process (it owns the connection pool).</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Read when first needed, so that hosts (and tests) may still change configuration after registration.
        services.AddSingleton(provider => NpgsqlDataSource.Create(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(Sql.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{Sql.ConnectionStringName} is not set (env ConnectionStrings__{Sql.ConnectionStringName}).")));
        // Registered first: hosted services start in order, and the others need the schema.
        services.AddHostedService<MigrationService>();
        return services;
    }
}
