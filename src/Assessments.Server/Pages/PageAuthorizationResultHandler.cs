using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Assessments.Server.Pages;

/// <summary>Marks an endpoint as a page: refusals become a sign-in redirect or an HTML page instead of a bare 401/403.</summary>
public sealed class PageEndpoint;

/// <summary>
/// Pages and API share policies; only how a refusal looks differs. An API caller still gets 401/403;
/// a browser on a page is sent to sign in (401) or shown why it may not look (403).
/// </summary>
public sealed class PageAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageEndpoint>() is null || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // A stale cookie (expired or revoked invitation) is dropped so that signing in starts clean.
            PageSession.Forget(context);
            var back = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
            context.Response.Redirect($"/signin?returnUrl={back}");
            return;
        }

        await PageLayout.Forbidden(context).ExecuteAsync(context);
    }
}
