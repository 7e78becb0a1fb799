namespace PaymentJobs.Processing;

public static class ProcessingSetup
{
    public static IServiceCollection AddJobProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        var upstream = configuration["UPSTREAM_URL"] ?? "http://localhost:9000";
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<RetryScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<RetryScheduler>());
        services.AddHostedService<JobDispatcher>();
        // One pooled client for the process; each attempt carries its own timeout, so the client's is off.
        services.AddHttpClient<PaymentsClient>(client =>
        {
            client.BaseAddress = new Uri(upstream.TrimEnd('/') + "/");
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(8));
        return services;
    }
}
