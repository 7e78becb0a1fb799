using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Calibration;
using Assessments.Server.Challenges;
using Assessments.Server.Data;
using Assessments.Server.Invitations;
using Assessments.Server.Operations;
using Assessments.Platform.Queue;
using Assessments.Platform.Workers;
using Assessments.Server.Submissions;
using Assessments.Server.Users;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Hosting;

public static class PlatformServices
{
    /// <summary>Logging, options, database (with migrations), auth, stores and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Logging.AddServerLogging();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = InputLimits.MaxJsonBodyBytes);
        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsRules>();
        builder.Services.AddHostedService<TempFolderSweep>();
        builder.Services.AddDatabase();
        builder.Services.AddProxyHeaders(builder.Configuration);
        builder.Services.AddPlatformAuth();
        builder.Services.AddFailedAuthenticationLimit();
        builder.Services.AddExceptionHandler<DatabaseUnavailable>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ChallengeCatalog>();
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<RunnerWorkerStore>();
        builder.Services.AddSingleton<SubmissionStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<InvitationStore>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<ReportCache>();
        builder.Services.AddSingleton<CalibrationStore>();
        builder.Services.AddSingleton<PlatformMetrics>();
        builder.Services.AddPlatformOpenApi();
        return builder;
    }

    /// <summary>Runs first: the client's real scheme, host and address from a trusted TLS proxy.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>Errors as problem+json, the failed-authentication limit, authentication, and every response counted for /metrics.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            await next(context);
            context.RequestServices.GetRequiredService<PlatformMetrics>().Responded(context.Response.StatusCode);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
