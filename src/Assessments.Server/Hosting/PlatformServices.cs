using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Data;
using Assessments.Server.Operations;
using Assessments.Platform.Queue;
using Assessments.Server.Submissions;

namespace Assessments.Server.Hosting;

public static class PlatformServices
{
    /// <summary>Options, database (with migrations), auth, stores and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddDatabase();
        builder.Services.AddPlatformAuth();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ChallengeCatalog>();
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<SubmissionStore>();
        builder.Services.AddSingleton<PlatformMetrics>();
        builder.Services.AddPlatformOpenApi();
        return builder;
    }

    /// <summary>Errors as problem+json, authentication, and every response counted for /metrics.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            await next(context);
            context.RequestServices.GetRequiredService<PlatformMetrics>().Responded(context.Response.StatusCode);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
