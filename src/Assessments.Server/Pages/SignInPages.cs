using System.Security.Claims;
using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>Signing in with a user's token, landing from an invitation link, signing out.</summary>
public static class SignInPages
{
    public static RouteGroupBuilder MapSignIn(this RouteGroupBuilder pages)
    {
        pages.MapGet("/", Home).AllowAnonymous();
        pages.MapGet("/signin", (HttpContext http, string? returnUrl) => SignInForm(http, returnUrl, null, StatusCodes.Status200OK)).AllowAnonymous();
        pages.MapPost("/signin", SignInAsync).AllowAnonymous();
        pages.MapPost("/signout", SignOut).AllowAnonymous();
        pages.MapGet("/invite/{token}", AcceptInvitationAsync).AllowAnonymous();
        return pages;
    }

    private static IResult Home(HttpContext http, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Candidate))
        {
            return Results.Redirect("/candidate");
        }

        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Interviewer))
        {
            return Results.Redirect("/review");
        }

        return PageLayout.Page(http, "Welcome", """
            <h1>Assessments</h1>
            <p>Candidates: open the invitation link you were sent; it signs you in to your assessment.</p>
            <p>Interviewers and hiring teams: <a href="/signin">sign in with your access token</a>.</p>
            """);
    }

    private static IResult SignInForm(HttpContext http, string? returnUrl, string? error, int status)
    {
        var alert = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\" id=\"signin-error\">{Html.E(error)}</p>";
        var described = error is null ? string.Empty : " aria-describedby=\"signin-error\" aria-invalid=\"true\"";
        return PageLayout.Page(http, "Sign in", $"""
            <h1>Sign in</h1>
            {alert}
            <form method="post" action="/signin" class="stack">
              <input type="hidden" name="returnUrl" value="{Html.E(LocalOrNull(returnUrl))}">
              <label for="token">Access token</label>
              <input id="token" name="token" type="password" autocomplete="off" required{described}>
              <button type="submit">Sign in</button>
            </form>
            <p class="muted">An admin gives interviewers their token. Candidates sign in from their invitation link.</p>
            """, status);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!PageSession.IsSameOrigin(http.Request))
        {
            return PageLayout.Forbidden(http);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var token = form["token"].ToString().Trim();
        var returnUrl = LocalOrNull(form["returnUrl"].ToString());
        if (await PageSession.VerifyAsync(http, token) is not { } principal)
        {
            return SignInForm(http, returnUrl, "That token is not valid, or it has expired or been revoked.", StatusCodes.Status401Unauthorized);
        }

        PageSession.Start(http, token);
        var home = principal.IsInRole(Roles.Candidate) ? "/candidate" : "/review";
        return Results.Redirect(principal.IsInRole(Roles.Candidate) ? home : returnUrl ?? home, permanent: false, preserveMethod: false);
    }

    private static IResult SignOut(HttpContext http)
    {
        if (!PageSession.IsSameOrigin(http.Request))
        {
            return PageLayout.Forbidden(http);
        }

        PageSession.End(http);
        return Results.Redirect("/");
    }

    /// <summary>
    /// The link in a candidate's invitation. The token moves into the cookie and the page moves on to a
    /// token-free address with <c>location.replace</c> (or the link, without scripts): a same-origin
    /// step, because a SameSite=Strict cookie is withheld on a redirect that a mail client's link started.
    /// </summary>
    private static async Task<IResult> AcceptInvitationAsync(HttpContext http, string token)
    {
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await PageSession.VerifyAsync(http, token) is not { } principal || !principal.IsInRole(Roles.Candidate))
        {
            return PageLayout.Page(http, "Invitation not valid", """
                <h1>This invitation is not valid</h1>
                <p>It may have expired or been revoked. Ask the person who invited you for a new link.</p>
                """, StatusCodes.Status401Unauthorized);
        }

        PageSession.Start(http, token);
        return PageLayout.Page(http, "Welcome", $"""
            <h1>Welcome, {Html.E(principal.Identity?.Name)}</h1>
            <p><a href="/candidate" data-continue>Continue to your assessment</a></p>
            """);
    }

    private static string? LocalOrNull(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : null;
}
