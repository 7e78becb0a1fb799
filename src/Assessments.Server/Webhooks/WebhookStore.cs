using System.Security.Cryptography;
using Assessments.Client;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Webhooks;

/// <summary>Webhook endpoints and their delivery log, as admins see and change them.</summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource)
{
    private const string DeliveryColumns = """
        d.id, d.event_id, e.type, d.state, d.attempts, d.last_status,
        (select a.latency_ms from webhook_attempts a where a.delivery_id = d.id order by a.id desc limit 1),
        d.last_error,
        (select a.response_excerpt from webhook_attempts a where a.delivery_id = d.id order by a.id desc limit 1),
        d.created_at, d.delivered_at, case when d.state = 'pending' then d.next_attempt_at end
        """;

    /// <summary>A signing secret: 32 random bytes, so an attacker cannot forge a signature.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static async Task<CreatedWebhook> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CreateWebhookRequest request, string createdBy, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var secret = NewSecret();
        var events = request.Events.Distinct(StringComparer.Ordinal).ToArray();
        await using var command = new NpgsqlCommand(
            "insert into webhook_endpoints (id, url, events, secret, description, created_by) values ($1, $2, $3, $4, $5, $6) returning created_at",
            connection,
            transaction).With(id, request.Url, events, secret, request.Description?.Trim() ?? string.Empty, createdBy);
        var createdAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CreatedWebhook(id, request.Url, events, request.Description?.Trim() ?? string.Empty, new DateTimeOffset(createdAt, TimeSpan.Zero), secret);
    }

    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, url, events, description, created_at, disabled_at from webhook_endpoints order by created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var endpoints = new List<WebhookSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new WebhookSummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.NullableField<DateTimeOffset?>(5)));
        }

        return endpoints;
    }

    public async Task<WebhookSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(e => e.Id == id);

    /// <summary>Stops deliveries to an endpoint (pending ones stay in the log); false when unknown or already disabled.</summary>
    public static async Task<bool> DisableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("update webhook_endpoints set disabled_at = now() where id = $1 and disabled_at is null", connection, transaction).With(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(Guid endpointId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select {DeliveryColumns}
              from webhook_deliveries d join webhook_events e on e.id = d.event_id
             where d.endpoint_id = $1
             order by d.created_at desc, d.id desc
             limit $2
            """).With(endpointId, limit);
        return await ReadDeliveriesAsync(command, cancellationToken);
    }

    public async Task<WebhookDeliveryDetail?> DeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select {DeliveryColumns}, e.payload::text
              from webhook_deliveries d join webhook_events e on e.id = d.event_id
             where d.endpoint_id = $1 and d.id = $2
            """).With(endpointId, deliveryId);
        string payload;
        WebhookDelivery delivery;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            delivery = ReadDelivery(reader);
            payload = reader.GetString(12);
        }

        await using var attempts = dataSource.CreateCommand(
            "select attempt, status, latency_ms, error, response_excerpt, at from webhook_attempts where delivery_id = $1 order by id").With(deliveryId);
        await using var rows = await attempts.ExecuteReaderAsync(cancellationToken);
        var list = new List<WebhookAttempt>();
        while (await rows.ReadAsync(cancellationToken))
        {
            list.Add(new WebhookAttempt(rows.GetInt32(0), rows.NullableField<int?>(1), rows.GetDouble(2), rows.NullableField<string>(3), rows.NullableField<string>(4), rows.GetFieldValue<DateTimeOffset>(5)));
        }

        return new WebhookDeliveryDetail(delivery, payload, list);
    }

    /// <summary>Sends a delivery again, whatever its state, with a fresh round of attempts and the same event id.</summary>
    public static async Task<bool> RedeliverAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid endpointId, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update webhook_deliveries set state = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = null where endpoint_id = $1 and id = $2",
            connection,
            transaction).With(endpointId, deliveryId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<WebhookDelivery>> ReadDeliveriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(ReadDelivery(reader));
        }

        return deliveries;
    }

    private static WebhookDelivery ReadDelivery(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.NullableField<int?>(5), r.NullableField<double?>(6),
        r.NullableField<string>(7), r.NullableField<string>(8), r.GetFieldValue<DateTimeOffset>(9), r.NullableField<DateTimeOffset?>(10), r.NullableField<DateTimeOffset?>(11));
}
