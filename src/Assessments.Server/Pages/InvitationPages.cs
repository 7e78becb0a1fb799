using Assessments.Client;
using Assessments.Server.Auth;

namespace Assessments.Server.Pages;

/// <summary>
/// The link in a candidate's invitation. Opening it (GET) never signs anyone in: a link can be sent
/// by an attacker (login CSRF), and a SameSite=Strict cookie is withheld on a navigation another site
/// or a mail client started, so the server could not even tell that the browser already has a
/// session. The page posts the token back from this origin instead (by script at once, or by the
/// button); that POST carries the cookie, so a different session already in the browser is never
/// replaced without the person confirming it.
/// </summary>
public static class InvitationPages
{
    public static RouteGroupBuilder MapInvitations(this RouteGroupBuilder pages)
    {
        pages.MapGet("/invite/{token}", OpenAsync).AllowAnonymous();
        pages.MapPost("/invite", AcceptAsync).AllowAnonymous();
        return pages;
    }

    private static async Task<IResult> OpenAsync(HttpContext http, string token)
    {
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await PageSession.VerifyAsync(http, token) is not { } invitee || !invitee.IsInRole(Roles.Candidate))
        {
            return NotValid(http);
        }

        return PageLayout.Page(http, "Your invitation", $"""
            <h1>Welcome, {Html.E(invitee.Name())}</h1>
            {AcceptForm(token, "Continue to your assessment", confirmSwitch: false, autoSubmit: true)}
            """);
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!PageSession.IsSameOrigin(http.Request))
        {
            return PageLayout.Forbidden(http);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var token = form["token"].ToString().Trim();
        if (await PageSession.VerifyAsync(http, token) is not { } invitee || !invitee.IsInRole(Roles.Candidate))
        {
            return NotValid(http);
        }

        var current = http.User;
        var sameIdentity = current.Identity?.IsAuthenticated == true && current.IsInRole(Roles.Candidate) && current.Id() == invitee.Id();
        if (current.Identity?.IsAuthenticated == true && !sameIdentity && form["switch"] != "yes")
        {
            return PageLayout.Page(http, "Switch sessions?", $"""
                <h1>You are already signed in</h1>
                <p>This browser is signed in as <strong>{Html.E(current.Name())}</strong>. The link you opened is
                an invitation for <strong>{Html.E(invitee.Name())}</strong>. If you did not expect it, keep your session.</p>
                {AcceptForm(token, $"Sign out and continue as {invitee.Name()}", confirmSwitch: true, autoSubmit: false)}
                <p><a href="/" id="keep-session">Keep my session as {Html.E(current.Name())}</a></p>
                """);
        }

        if (!sameIdentity)
        {
            await PageSession.RevokeAsync(http, cancellationToken);
            await PageSession.StartAsync(http, invitee, cancellationToken);
        }

        return Results.Redirect("/candidate", permanent: false, preserveMethod: false);
    }

    private static string AcceptForm(string token, string label, bool confirmSwitch, bool autoSubmit) => $"""
        <form method="post" action="/invite" class="stack" id="accept-invitation"{(autoSubmit ? " data-autosubmit" : string.Empty)}>
          <input type="hidden" name="token" value="{Html.E(token)}">
          {(confirmSwitch ? "<input type=\"hidden\" name=\"switch\" value=\"yes\">" : string.Empty)}
          <button type="submit">{Html.E(label)}</button>
        </form>
        """;

    private static IResult NotValid(HttpContext http) => PageLayout.Page(http, "Invitation not valid", """
        <h1>This invitation is not valid</h1>
        <p>It may have expired or been revoked. Ask the person who invited you for a new link.</p>
        """, StatusCodes.Status401Unauthorized);
}
