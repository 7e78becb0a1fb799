using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assessments.Server.Webhooks;

public static class WebhookServices
{
    /// <summary>Options (validated on start), the stores, the signed HTTP client and the background sender.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookDeliveryQueue>();
        services.AddSingleton<WebhookClient>();
        services.TryAddSingleton(TimeProvider.System);
        WebhookClient.Configure(services);
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
