using System.Security.Claims;
using Assessments.Server.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Assessments.Server.Pages;

/// <summary>
/// Pages authenticate with the API's own tokens, kept in an HttpOnly, SameSite=Strict cookie so that
/// page scripts never hold them. A request that carries the cookie and no Authorization header gets
/// the cookie's token as its bearer token before authentication runs, so pages and the API calls
/// their scripts make are checked by the very same handler and policies as any API client.
/// </summary>
/// <remarks>
/// Cross-site request forgery: state-changing requests authenticated by the cookie must come from
/// this server's own origin (Origin header, or Sec-Fetch-Site: same-origin). SameSite=Strict already
/// keeps the cookie off cross-site requests; the origin check also covers sibling sites
/// (same site, other origin) and needs no per-form state, which suits pages whose forms are sent by
/// fetch to the JSON API.
/// </remarks>
public static class PageSession
{
    public const string CookieName = "assess_session";

    public static IApplicationBuilder UsePageSession(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey("Authorization")
            && context.Request.Cookies.TryGetValue(CookieName, out var token)
            && token is { Length: > 0 and <= 200 })
        {
            if (!IsSafe(context.Request.Method) && !IsSameOrigin(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Cross-origin requests with the session cookie are refused.", context.RequestAborted);
                return;
            }

            context.Request.Headers.Authorization = $"Bearer {token}";
        }

        await next(context);
    });

    public static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    public static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        }

        return request.Headers["Sec-Fetch-Site"].ToString() == "same-origin";
    }

    /// <summary>
    /// Checks a token with the API's bearer handler, in a scope of its own: the request's own handler
    /// has already authenticated (and cached) whatever the request itself carried.
    /// </summary>
    public static async Task<ClaimsPrincipal?> VerifyAsync(HttpContext http, string token)
    {
        if (token.Length is 0 or > 200)
        {
            return null;
        }

        await using var scope = http.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Headers.Authorization = $"Bearer {token}";
        var result = await probe.AuthenticateAsync(BearerTokenHandler.SchemeName);
        return result.Succeeded ? result.Principal : null;
    }

    public static void Start(HttpContext http, string token) => http.Response.Cookies.Append(CookieName, token, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    });

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
}
