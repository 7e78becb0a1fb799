using Microsoft.AspNetCore.Authorization;

namespace Assessments.Server.Pages;

/// <summary>
/// The web pages: server-rendered HTML over the same stores, tokens and policies as the API, a
/// stylesheet and one small script. Pages are left out of the OpenAPI document: the API is the contract.
/// </summary>
public static class PagesSetup
{
    public static IServiceCollection AddPages(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PageAuthorizationResultHandler>();

    /// <summary>Runs before authentication: the session cookie becomes the request's bearer token.</summary>
    public static WebApplication UsePages(this WebApplication app)
    {
        app.UsePageSession();
        return app;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).WithMetadata(new PageEndpoint()).ExcludeFromDescription();
        pages.MapAssets();
        pages.MapSignIn();
        pages.MapCandidatePages();
        pages.MapReviewPages();
        pages.MapSimilarityPages();
        pages.MapCalibrationPages();
        Webhooks.WebhookPages.MapWebhookPages(pages);
        return app;
    }
}
