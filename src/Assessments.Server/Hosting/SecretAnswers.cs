namespace Assessments.Server.Hosting;

/// <summary>
/// Endpoints whose answer shows a secret once (a new token, key or signing secret): no browser cache
/// or proxy may keep a copy. One convention rather than a header set by hand in each handler, so an
/// endpoint added later cannot forget it by accident.
/// </summary>
internal static class SecretAnswers
{
    public static RouteHandlerBuilder AnswersWithSecret(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
