using PaymentJobs.Jobs;

namespace PaymentJobs.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddJobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // DATA_DIR is the volume that outlives the container; anywhere else a restart loses the journal.
        services.AddSingleton(new JournalOptions { Directory = configuration["DATA_DIR"] ?? "data" });
        services.AddSingleton(new QueueOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Journal>();
        services.AddSingleton<JobStore>();
        return services;
    }
}
