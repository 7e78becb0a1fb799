using Microsoft.AspNetCore.Authentication;

namespace Assessments.Server.Partner;

public static class PartnerServices
{
    /// <summary>The partner key scheme (beside the bearer tokens, not instead of them), the keys' store and the partner's read side.</summary>
    public static IServiceCollection AddPartner(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, PartnerKeyHandler>(PartnerKeyHandler.SchemeName, null);
        services.AddSingleton<PartnerKeyStore>();
        services.AddSingleton<PartnerInvitations>();
        return services;
    }

    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder app) => app.MapPartner().MapPartnerKeys();
}
