using System.Text;
using Assessments.Client;
using Assessments.Server.Auth;

namespace Assessments.Server.Pages;

/// <summary>The frame every page shares: skip link, header with the caller's navigation, one main landmark.</summary>
public static class PageLayout
{
    /// <summary>Scripts and styles only from this server (no inline ones), frames only of its own reports.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.TryAdd("Referrer-Policy", "same-origin");
        var user = http.User;
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.Append($"<title>{Html.E(title)} · Assessments</title>");
        h.Append("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/site.css\"><script src=\"/assets/pages.js\" defer></script></head><body>");
        h.Append("<a class=\"skip\" href=\"#main\">Skip to content</a><header><nav aria-label=\"Main\"><a class=\"brand\" href=\"/\">Assessments</a>");
        if (user.IsInRole(Roles.Candidate))
        {
            h.Append("<a href=\"/candidate\">My assessment</a>");
        }
        else if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Interviewer))
        {
            h.Append("<a href=\"/review\">Submissions</a><a href=\"/calibration\">Calibration</a>");
            if (user.IsInRole(Roles.Admin))
            {
                // The only admin page: without a link, an admin would have to know its address.
                h.Append("<a href=\"/admin/webhooks\">Webhooks</a>");
            }
        }

        if (user.Identity?.IsAuthenticated == true)
        {
            h.Append($"<span class=\"who\">{Html.E(user.Name())}</span>");
            h.Append("<form method=\"post\" action=\"/signout\" class=\"inline\"><button type=\"submit\">Sign out</button></form>");
        }
        else
        {
            h.Append("<a href=\"/signin\">Sign in</a>");
        }

        h.Append("</nav></header><main id=\"main\" tabindex=\"-1\">").Append(body).Append("</main></body></html>");
        return Results.Content(h.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult NotFound(HttpContext http) =>
        Page(http, "Not found", "<h1>Not found</h1><p>There is nothing here, or it is not yours to see.</p>", StatusCodes.Status404NotFound);

    public static IResult Forbidden(HttpContext http) =>
        Page(http, "Not allowed", "<h1>Not allowed</h1><p>Your sign-in does not give access to this page.</p>", StatusCodes.Status403Forbidden);
}
