using System.Security.Claims;
using Assessments.Server.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Assessments.Server.Pages;

/// <summary>
/// Pages authenticate with a server-side session (<see cref="Sessions"/>): after a token is verified,
/// an HttpOnly, SameSite=Strict cookie holds a random session id, never the token. A request that
/// carries the cookie and no Authorization header is authenticated by the API's own handler from that
/// session, so pages and the API calls their scripts make pass the very same policies.
/// </summary>
/// <remarks>
/// Cross-site request forgery: state-changing requests authenticated by the cookie must come from
/// this server's own origin (Origin header, or Sec-Fetch-Site: same-origin). SameSite=Strict already
/// keeps the cookie off cross-site requests; the origin check also covers sibling sites
/// (same site, other origin) and needs no per-form state, which suits pages whose forms are sent by
/// fetch to the JSON API. Behind a TLS proxy the scheme and host compared are the forwarded ones.
/// </remarks>
public static class PageSession
{
    public const string CookieName = "assess_session";

    public static IApplicationBuilder UsePageSession(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey("Authorization")
            && context.Request.Cookies.ContainsKey(CookieName)
            && !IsSafe(context.Request.Method)
            && !IsSameOrigin(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Cross-origin requests with the session cookie are refused.", context.RequestAborted);
            return;
        }

        await next(context);
    });

    public static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    public static bool IsSameOrigin(HttpRequest request)
    {
        // A page sent with Referrer-Policy: no-referrer (the invitation page) makes the browser send
        // "Origin: null" on its own form posts; Sec-Fetch-Site, which no script can set, decides then.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        }

        return request.Headers["Sec-Fetch-Site"].ToString() == "same-origin";
    }

    /// <summary>
    /// Checks a token with the API's bearer handler, in a scope of its own: the request's own handler
    /// has already authenticated (and cached) whatever the request itself carried. A failure counts
    /// against the caller's address like any other.
    /// </summary>
    public static async Task<ClaimsPrincipal?> VerifyAsync(HttpContext http, string token)
    {
        if (token.Length is 0 or > Hosting.InputLimits.TokenChars)
        {
            await http.RequestServices.GetRequiredService<FailedAuthentications>().RecordAsync(http.Connection.RemoteIpAddress, "malformed token");
            return null;
        }

        await using var scope = http.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Connection.RemoteIpAddress = http.Connection.RemoteIpAddress;
        probe.Request.Headers.Authorization = $"Bearer {token}";
        var result = await probe.AuthenticateAsync(BearerTokenHandler.SchemeName);
        return result.Succeeded ? result.Principal : null;
    }

    /// <summary>Signs the browser in as <paramref name="principal"/>: a new session, its id in the cookie.</summary>
    public static async Task StartAsync(HttpContext http, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var (id, expires) = await http.RequestServices.GetRequiredService<Sessions>().StartAsync(principal, cancellationToken);
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
            Expires = expires,
        });
    }

    /// <summary>Ends the browser's session: revoked on the server (a copy of the cookie stops working too), cookie removed.</summary>
    public static async Task EndAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await RevokeAsync(http, cancellationToken);
        Forget(http);
    }

    /// <summary>Revokes the session the browser holds, if any, before another replaces its cookie.</summary>
    public static async Task RevokeAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var id) && id.Length is > 0 and <= Hosting.InputLimits.TokenChars)
        {
            await http.RequestServices.GetRequiredService<Sessions>().RevokeAsync(id, cancellationToken);
        }
    }

    /// <summary>Drops the cookie only (a stale session that no longer authenticates).</summary>
    public static void Forget(HttpContext http) =>
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true, Secure = http.Request.IsHttps });
}
