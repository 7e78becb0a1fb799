using Assessments.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assessments.Server.Auth;

/// <summary>The policies endpoint groups name: who may call them.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string Admin = "admin";
    public const string Candidate = "candidate";

    public static IServiceCollection AddPlatformAuth(this IServiceCollection services)
    {
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Interviewer))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Candidate, p => p.RequireRole(Roles.Candidate));
        services.AddHostedService<BootstrapAdmin>();
        services.AddSingleton<Sessions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallerCache>();
        services.AddHostedService<AuthChangeListener>();
        return services;
    }
}
