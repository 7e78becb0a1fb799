using System.ComponentModel.DataAnnotations;

namespace Assessments.Server.Webhooks;

/// <summary>The webhook sender's settings, section <c>Webhooks</c> (environment: <c>WEBHOOKS__NAME</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Deliveries to loopback addresses (127.0.0.0/8, ::1, localhost) are refused unless the operator allows them (tests do).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How often the sender looks for due deliveries.</summary>
    [Range(0.01, 60)]
    public double PollSeconds { get; set; } = 1;

    /// <summary>The whole request, connect to last byte read.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts before a delivery is marked failed (an admin can redeliver it).</summary>
    [Range(1, 30)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; each further one doubles, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 10;

    [Range(0.01, 86_400)]
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Bodies larger than this are not sent (the delivery fails with the reason).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>How much of a receiver's answer is read and kept in the delivery log.</summary>
    [Range(0, 64 * 1024)]
    public int ResponseExcerptBytes { get; set; } = 1024;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How often expired invitations are looked for (invitation.expired).</summary>
    [Range(0.1, 3600)]
    public double ExpiryScanSeconds { get; set; } = 60;
}
