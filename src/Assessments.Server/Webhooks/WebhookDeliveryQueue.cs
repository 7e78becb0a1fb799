using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Webhooks;

/// <summary>A delivery the sender claimed: the event's envelope fields and where to send it.</summary>
public sealed record ClaimedDelivery(Guid Id, int Attempt, Guid EventId, string EventType, string Payload, DateTimeOffset EventCreatedAt, string Url, string Secret);

/// <summary>
/// How one attempt went, as the delivery log keeps it. <paramref name="WorthRetrying"/> is false when another
/// attempt would fail the same way (the event's body does not change), so the delivery fails at once.
/// </summary>
public sealed record AttemptOutcome(int? Status, double LatencyMs, string? Error, string? ResponseExcerpt, bool WorthRetrying = true)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// The outbox's delivery side. A sender claims due deliveries with <c>FOR UPDATE SKIP LOCKED</c> and
/// pushes their next attempt past a lease at once, so another server instance neither waits for nor
/// sends them; results are written only for the attempt that was claimed (fencing), so a sender that
/// outlived its lease cannot overwrite a newer attempt's outcome.
/// </summary>
public sealed class WebhookDeliveryQueue(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int batch, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            with due as (
                select d.id from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
                 where d.state = 'pending' and d.next_attempt_at <= now() and w.disabled_at is null
                 order by d.next_attempt_at, d.id
                 limit $1
                 for update of d skip locked)
            update webhook_deliveries d
               set attempts = d.attempts + 1, next_attempt_at = now() + $2
              from due, webhook_events e, webhook_endpoints w
             where d.id = due.id and e.id = d.event_id and w.id = d.endpoint_id
            returning d.id, d.attempts, e.id, e.type, e.payload::text, e.created_at, w.url, w.secret
            """).With(batch, lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetGuid(0), reader.GetInt32(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(7)));
        }

        return claimed;
    }

    /// <summary>
    /// Logs the attempt and moves the delivery on: delivered, due again after <paramref name="retryAfter"/>,
    /// or failed when <paramref name="retryAfter"/> is null. False when the attempt was fenced out.
    /// </summary>
    public async Task<bool> RecordAsync(ClaimedDelivery delivery, AttemptOutcome outcome, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var state = outcome.Succeeded ? "delivered" : retryAfter is null ? "failed" : "pending";
        await using var command = dataSource.CreateCommand("""
            with moved as (
                update webhook_deliveries
                   set state = $3, last_status = $4, last_error = $5,
                       delivered_at = case when $3 = 'delivered' then now() end,
                       next_attempt_at = case when $3 = 'pending' then now() + $8 else next_attempt_at end
                 where id = $1 and attempts = $2 and state = 'pending'
                returning id)
            insert into webhook_attempts (delivery_id, attempt, status, latency_ms, error, response_excerpt)
            select moved.id, (select count(*) + 1 from webhook_attempts a where a.delivery_id = moved.id), $4, $6, $5, $7
              from moved
            """).With(delivery.Id, delivery.Attempt, state, outcome.Status, outcome.Error, outcome.LatencyMs, outcome.ResponseExcerpt, retryAfter ?? TimeSpan.Zero);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Doubling backoff from the base, capped; null once the attempts are used up.</summary>
    public static TimeSpan? Backoff(int attempt, WebhookOptions options) =>
        attempt >= options.MaxAttempts
            ? null
            : TimeSpan.FromSeconds(Math.Min(options.RetryMaxSeconds, options.RetryBaseSeconds * Math.Pow(2, attempt - 1)));
}
