using Microsoft.Extensions.Options;

namespace PriceLookup.Upstream;

public static class UpstreamRegistration
{
    public static IServiceCollection AddPriceSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpstreamOptions>()
            .Configure(options =>
            {
                if (configuration["UPSTREAM_URL"] is { Length: > 0 } url)
                {
                    options.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
                }
            })
            .Validate(options => options.Timeout > TimeSpan.Zero, "The upstream timeout must be positive")
            .ValidateOnStart();

        // The factory pools the handler, so connections to the upstream stay warm between calls; the
        // per-call deadline lives in PriceSource, not in HttpClient.Timeout.
        services.AddHttpClient(PriceSource.ClientName, (provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<UpstreamOptions>>().Value.BaseAddress;
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddSingleton<PriceSource>();
        return services;
    }
}
