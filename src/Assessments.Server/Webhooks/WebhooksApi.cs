using System.Security.Claims;
using Assessments.Client;
using Assessments.Platform.Webhooks;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Webhooks;

/// <summary>Admins configure webhook endpoints, read each one's delivery log and redeliver.</summary>
public static class WebhooksApi
{
    private const int MaxDescription = 500;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        group.MapPost("/", CreateAsync).AnswersWithSecret().WithName("CreateWebhook").WithSummary("Adds a webhook endpoint; its signing secret is shown only in this answer.")
            .WithDescription("Admin only. `url` must be absolute http or https without credentials (loopback only when the operator allows it); `events` names one or more of grading.completed, grading.failed, level.overridden, invitation.expired. 400 with a problem per field otherwise. Each delivery is signed: `Assessments-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\">`. Audited (without the secret).");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Every webhook endpoint, without secrets.")
            .WithDescription("Admin only. Endpoints with their URL, events, description, and when they were disabled, if they were.");
        group.MapDelete("/{id:guid}", DisableAsync).WithName("DisableWebhook").WithSummary("Disables an endpoint: nothing more is sent to it.")
            .WithDescription("Admin only. Pending deliveries stay in the log and are no longer sent. 404 for an unknown or already disabled endpoint. Audited.");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("An endpoint's delivery log, newest first.")
            .WithDescription("Admin only. Per delivery: the event id and type, state (pending, delivered, failed), attempts, the last status, latency, error and response excerpt. `limit` defaults to 100, clamped to 1..1000. 404 for an unknown endpoint.");
        group.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", DeliveryAsync).WithName("GetWebhookDelivery").WithSummary("One delivery with its payload and every attempt.")
            .WithDescription("Admin only. The event's data as sent and each attempt (status, latency, error, response excerpt). 404 when the delivery does not belong to the endpoint.");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync).WithName("RedeliverWebhook").WithSummary("Sends a delivery again with the same event id.")
            .WithDescription("Admin only. Whatever its state, the delivery is queued again with a fresh round of attempts; the receiver sees the same event id, so it can deduplicate. 202; 404 when unknown. Audited.");
        return app;
    }

    private static async Task<Results<Created<CreatedWebhook>, ValidationProblem>> CreateAsync(
        CreateWebhookRequest request, ClaimsPrincipal user, IOptions<WebhookOptions> options, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (WebhookTarget.Problem(request.Url, options.Value.AllowLoopback) is { } problem)
        {
            errors["url"] = [problem];
        }

        var unknown = (request.Events ?? []).Where(e => !WebhookEvents.All.Contains(e)).ToList();
        if (request.Events is not { Count: > 0 } || unknown.Count > 0)
        {
            errors["events"] = [$"one or more of {string.Join(", ", WebhookEvents.All)}{(unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : string.Empty)}"];
        }

        if (request.Description?.Length > MaxDescription)
        {
            errors["description"] = [$"at most {MaxDescription} characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = await WebhookStore.CreateAsync(connection, transaction, request, user.Actor(), cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, user, "webhook.create", "webhook", created.Id.ToString(), null,
            new { created.Url, created.Events, created.Description }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/webhooks/{created.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<WebhookSummary>>> ListAsync(WebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<NoContent, NotFound>> DisableAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await WebhookStore.DisableAsync(connection, transaction, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await AuditLog.WriteAsync(connection, transaction, user, "webhook.disable", "webhook", id.ToString(), new { enabled = true }, new { enabled = false }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDelivery>>, NotFound>> DeliveriesAsync(Guid id, int? limit, WebhookStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await store.DeliveriesAsync(id, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken));

    private static async Task<Results<Ok<WebhookDeliveryDetail>, NotFound>> DeliveryAsync(Guid id, Guid deliveryId, WebhookStore store, CancellationToken cancellationToken) =>
        await store.DeliveryAsync(id, deliveryId, cancellationToken) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Accepted, NotFound>> RedeliverAsync(Guid id, Guid deliveryId, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await WebhookStore.RedeliverAsync(connection, transaction, id, deliveryId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await AuditLog.WriteAsync(connection, transaction, user, "webhook.redeliver", "webhook_delivery", deliveryId.ToString(), null, new { endpoint = id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/admin/webhooks/{id}/deliveries/{deliveryId}");
    }
}
