using Microsoft.Extensions.Options;

namespace PriceLookup.Caching;

public static class CacheRegistration
{
    public static IServiceCollection AddPriceCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CacheOptions>()
            .Bind(configuration.GetSection("Cache"))
            .Validate(o => o.FreshFor > TimeSpan.Zero && o.FreshFor <= TimeSpan.FromSeconds(5), "Cache:FreshFor must be within the 5 s the brief allows")
            .Validate(o => o.MaxBytes > 0, "Cache:MaxBytes must be positive")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RecentlyUsedStore(provider.GetRequiredService<IOptions<CacheOptions>>().Value.MaxBytes));
        services.AddSingleton<PriceCache>();
        return services;
    }
}
