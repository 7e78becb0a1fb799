namespace Assessments.Client;

/// <param name="Url">Where to POST events: http or https, no user name or password in it.</param>
/// <param name="Events">Any of grading.completed, grading.failed, level.overridden, invitation.expired.</param>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> Events, string? Description = null);

/// <summary>A new endpoint and its signing secret, shown once: later reads never include it.</summary>
public sealed record CreatedWebhook(Guid Id, string Url, IReadOnlyList<string> Events, string Description, DateTimeOffset CreatedAt, string Secret);

public sealed record WebhookSummary(Guid Id, string Url, IReadOnlyList<string> Events, string Description, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);

/// <summary>One event's delivery to one endpoint: where it stands and how the last attempt went.</summary>
/// <param name="State">pending (not yet delivered; retried with backoff), delivered, or failed (gave up; redeliver to try again).</param>
public sealed record WebhookDelivery(
    Guid Id,
    Guid EventId,
    string EventType,
    string State,
    int Attempts,
    int? LastStatus,
    double? LastLatencyMs,
    string? LastError,
    string? LastResponseExcerpt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt);

public sealed record WebhookAttempt(int Attempt, int? Status, double LatencyMs, string? Error, string? ResponseExcerpt, DateTimeOffset At);

public sealed record WebhookDeliveryDetail(WebhookDelivery Delivery, string Payload, IReadOnlyList<WebhookAttempt> Attempts);
