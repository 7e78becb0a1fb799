using Assessments.Platform.Database;
using Assessments.Platform.Queue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assessments.Platform.Workers;

public static class WorkerServices
{
    /// <summary>The worker loop and what it needs, except the grading engine, which the host adds (the real one, or a test's fake).</summary>
    public static IServiceCollection AddGradingWorker(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(Sql.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{Sql.ConnectionStringName} is not set (env ConnectionStrings__{Sql.ConnectionStringName}).");
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section)
            .Validate(o => o.IsValid(out _), "Worker settings are invalid: the heartbeat must come more often than the lease runs out, and every duration must be positive.")
            .ValidateOnStart();
        services.AddSingleton<GradingQueue>();
        services.AddSingleton<ChallengeShelf>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<RunnerWorkerStore>();
        services.AddHostedService<GradingWorker>();
        services.AddSingleton<QueueRetention>();
        services.AddHostedService<FinishedJobArchiver>();
        return services;
    }
}
