using Assessments.Platform.Webhooks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Webhooks;

/// <summary>
/// The background sender in every server instance: records invitation expiries, claims due deliveries
/// (instances never share one), sends them, and logs each attempt with retries on a doubling backoff.
/// At least once: a delivery is marked delivered only after a 2xx, so a crash between send and record
/// sends it again with the same event id. The signing secret and the body are never logged.
/// </summary>
public sealed partial class WebhookSender(
    NpgsqlDataSource dataSource,
    WebhookDeliveryQueue queue,
    WebhookClient client,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextExpiryScan = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.PollSeconds));
        do
        {
            try
            {
                if (DateTimeOffset.UtcNow >= nextExpiryScan)
                {
                    await WebhookEvents.RecordExpiredInvitationsAsync(dataSource, stoppingToken);
                    nextExpiryScan = DateTimeOffset.UtcNow.AddSeconds(settings.ExpiryScanSeconds);
                }

                await SendDueAsync(settings, stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database being away is not the receiver's fault: try again on the next tick.
                LogDatabaseUnavailable(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task SendDueAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
        // The lease outlasts the request's own timeout, so nobody else claims a delivery while it is in flight.
        var lease = TimeSpan.FromSeconds(settings.TimeoutSeconds * 2 + 5);
        IReadOnlyList<ClaimedDelivery> batch;
        do
        {
            batch = await queue.ClaimAsync(settings.BatchSize, lease, cancellationToken);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (delivery, token) =>
            {
                var outcome = await client.SendAsync(delivery, token);
                var retryAfter = outcome.Succeeded || !outcome.WorthRetrying ? null : WebhookDeliveryQueue.Backoff(delivery.Attempt, settings);
                await queue.RecordAsync(delivery, outcome, retryAfter, token);
                if (outcome.Succeeded)
                {
                    LogDelivered(logger, delivery.EventType, delivery.EventId, delivery.Id, outcome.Status, outcome.LatencyMs);
                }
                else
                {
                    LogAttemptFailed(logger, delivery.EventType, delivery.EventId, delivery.Id, delivery.Attempt, outcome.Status, outcome.Error, retryAfter?.TotalSeconds);
                }
            });
        }
        while (batch.Count == settings.BatchSize && !cancellationToken.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventType} {EventId} delivered ({DeliveryId}): {Status} in {LatencyMs:0} ms")]
    private static partial void LogDelivered(ILogger logger, string eventType, Guid eventId, Guid deliveryId, int? status, double latencyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} {EventId} attempt {Attempt} failed ({DeliveryId}): status {Status}, {Error}; retry in {RetrySeconds} s (none: gave up)")]
    private static partial void LogAttemptFailed(ILogger logger, string eventType, Guid eventId, Guid deliveryId, int attempt, int? status, string? error, double? retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook sender could not reach the database: {Error}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string error);
}
