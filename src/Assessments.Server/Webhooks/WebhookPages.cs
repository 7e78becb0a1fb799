using System.Text;
using Assessments.Client;
using Assessments.Platform.Webhooks;
using Assessments.Server.Auth;
using Assessments.Server.Pages;

namespace Assessments.Server.Webhooks;

/// <summary>
/// The admin's webhook pages: endpoints (add one, disable one) and, per endpoint, the delivery log with
/// status, latency, attempts and the receiver's answer, and a redeliver button. The forms post to the API.
/// </summary>
public static class WebhookPages
{
    public static RouteGroupBuilder MapWebhookPages(this RouteGroupBuilder pages)
    {
        var admin = pages.MapGroup("/admin/webhooks").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", IndexAsync);
        admin.MapGet("/{id:guid}", DeliveriesAsync);
        return pages;
    }

    private static async Task<IResult> IndexAsync(HttpContext http, WebhookStore store)
    {
        var endpoints = await store.ListAsync(http.RequestAborted);
        var h = new StringBuilder("<h1>Webhooks</h1><p>Events are sent to each enabled endpoint, signed with its secret (header <code>Assessments-Signature: t=…,v1=…</code>), and retried with a doubling backoff until the receiver answers 2xx.</p>");
        if (endpoints.Count == 0)
        {
            h.Append("<p>No endpoints yet.</p>");
        }
        else
        {
            h.Append("<div class=\"scroll\"><table><caption>Endpoints</caption><thead><tr><th scope=\"col\">URL</th><th scope=\"col\">Events</th><th scope=\"col\">Description</th><th scope=\"col\">Added</th><th scope=\"col\">State</th></tr></thead><tbody>");
            foreach (var e in endpoints)
            {
                h.Append($"<tr><td><a href=\"/admin/webhooks/{e.Id}\"><code>{Html.E(e.Url)}</code></a></td><td>{Html.E(string.Join(", ", e.Events))}</td><td>{Html.E(e.Description)}</td><td>{Html.When(e.CreatedAt)}</td>");
                h.Append(e.DisabledAt is { } off ? $"<td>disabled {Html.When(off)}</td>" : "<td><span class=\"pass\">enabled</span></td>");
                h.Append("</tr>");
            }

            h.Append("</tbody></table></div>");
        }

        h.Append("<section aria-labelledby=\"add\"><h2 id=\"add\">Add an endpoint</h2>");
        h.Append("<p>The signing secret is shown once, in the API's answer (<code>POST /api/admin/webhooks</code>); store it with the receiver.</p>");
        h.Append("<form data-json data-method=\"POST\" action=\"/api/admin/webhooks\" class=\"stack\" id=\"add-webhook\" data-array=\"events\">");
        h.Append("<label for=\"webhook-url\">URL (http or https)</label><input id=\"webhook-url\" name=\"url\" type=\"url\" required maxlength=\"2048\">");
        h.Append("<label for=\"webhook-events\">Events (comma-separated)</label>");
        h.Append($"<input id=\"webhook-events\" name=\"events\" required value=\"{Html.E(string.Join(",", WebhookEvents.All))}\">");
        h.Append("<label for=\"webhook-description\">Description</label><input id=\"webhook-description\" name=\"description\" maxlength=\"500\">");
        h.Append("<button type=\"submit\">Add endpoint</button><p class=\"error\" role=\"alert\" data-errors></p></form></section>");
        return PageLayout.Page(http, "Webhooks", h.ToString());
    }

    private static async Task<IResult> DeliveriesAsync(Guid id, HttpContext http, WebhookStore store)
    {
        if (await store.FindAsync(id, http.RequestAborted) is not { } endpoint)
        {
            return PageLayout.NotFound(http);
        }

        var deliveries = await store.DeliveriesAsync(id, 200, http.RequestAborted);
        var h = new StringBuilder($"<p><a href=\"/admin/webhooks\">All webhooks</a></p><h1>Deliveries to <code>{Html.E(endpoint.Url)}</code></h1>");
        h.Append($"<p>Events: {Html.E(string.Join(", ", endpoint.Events))}. {deliveries.Count} deliver{(deliveries.Count == 1 ? "y" : "ies")}, newest first.</p>");
        if (endpoint.DisabledAt is null)
        {
            h.Append($"<form data-json data-method=\"DELETE\" action=\"/api/admin/webhooks/{endpoint.Id}\" class=\"inline\" id=\"disable-webhook\"><button type=\"submit\">Disable this endpoint</button><span class=\"error\" role=\"alert\" data-errors></span></form>");
        }

        if (deliveries.Count > 0)
        {
            h.Append(Table(endpoint.Id, deliveries));
        }

        return PageLayout.Page(http, "Webhook deliveries", h.ToString());
    }

    private static string Table(Guid endpointId, IReadOnlyList<WebhookDelivery> deliveries)
    {
        var h = new StringBuilder("<div class=\"scroll\"><table id=\"deliveries\"><caption>Delivery log</caption><thead><tr>");
        h.Append("<th scope=\"col\">Event</th><th scope=\"col\">State</th><th scope=\"col\">Attempts</th><th scope=\"col\">Last status</th><th scope=\"col\">Latency</th><th scope=\"col\">Answer or error</th><th scope=\"col\">Created</th><th scope=\"col\"></th></tr></thead><tbody>");
        foreach (var d in deliveries)
        {
            var state = d.State switch { "delivered" => "<span class=\"pass\">delivered</span>", "failed" => "<span class=\"fail\">failed</span>", _ => "pending" };
            h.Append($"<tr><td>{Html.E(d.EventType)}<br><code>{d.EventId}</code></td><td>{state}</td><td>{d.Attempts}</td><td>{d.LastStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td>");
            h.Append($"<td>{(d.LastLatencyMs is { } ms ? $"{ms:0} ms" : "—")}</td><td><code>{Html.E(d.LastError ?? Excerpt(d.LastResponseExcerpt))}</code></td><td>{Html.When(d.CreatedAt)}</td>");
            h.Append($"<td><form data-json data-method=\"POST\" action=\"/api/admin/webhooks/{endpointId}/deliveries/{d.Id}/redeliver\" class=\"inline\"><button type=\"submit\">Redeliver</button><span class=\"error\" role=\"alert\" data-errors></span></form></td></tr>");
        }

        return h.Append("</tbody></table></div>").ToString();
    }

    private static string Excerpt(string? text) => text is null ? string.Empty : text.Length > 200 ? text[..200] + "…" : text;
}
