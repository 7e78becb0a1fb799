using System.Security.Claims;
using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>Signing in with a user's token and signing out; invitation links are <see cref="InvitationPages"/>.</summary>
public static class SignInPages
{
    public static RouteGroupBuilder MapSignIn(this RouteGroupBuilder pages)
    {
        pages.MapGet("/", Home).AllowAnonymous();
        pages.MapGet("/signin", (HttpContext http, string? returnUrl) => SignInForm(http, returnUrl, null, StatusCodes.Status200OK)).AllowAnonymous();
        pages.MapPost("/signin", SignInAsync).AllowAnonymous();
        pages.MapPost("/signout", SignOutAsync).AllowAnonymous();
        pages.MapInvitations();
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
              <input type="hidden" name="returnUrl" value="{Html.E(ReturnUrls.LocalOrNull(returnUrl))}">
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
        var returnUrl = ReturnUrls.LocalOrNull(form["returnUrl"].ToString());
        if (await PageSession.VerifyAsync(http, token) is not { } principal)
        {
            return SignInForm(http, returnUrl, "That token is not valid, or it has expired or been revoked.", StatusCodes.Status401Unauthorized);
        }

        await PageSession.RevokeAsync(http, cancellationToken);
        await PageSession.StartAsync(http, principal, cancellationToken);
        var home = principal.IsInRole(Roles.Candidate) ? "/candidate" : "/review";
        return Results.Redirect(principal.IsInRole(Roles.Candidate) ? home : returnUrl ?? home, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!PageSession.IsSameOrigin(http.Request))
        {
            return PageLayout.Forbidden(http);
        }

        await PageSession.EndAsync(http, cancellationToken);
        return Results.Redirect("/");
    }
}
