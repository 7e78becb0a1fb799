using System.ComponentModel.DataAnnotations;

namespace Assessments.Server.Hosting;

/// <summary>The server's settings, section <c>Assessments</c> (environment: <c>ASSESSMENTS__NAME</c>).</summary>
public sealed class ServerOptions
{
    public const string Section = "Assessments";

    /// <summary>The first admin's bearer token; the admin is created (or its token replaced) at start-up when set.</summary>
    public string? BootstrapAdminToken { get; set; }

    /// <summary>The folder holding one folder per challenge.</summary>
    [Required]
    public string ChallengesPath { get; set; } = "challenges";

    /// <summary>Gradings waiting to run above which uploads answer 503 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int MaxQueueDepth { get; set; } = 200;

    /// <summary>How many times a grading is tried when the platform fails, before it is dead-lettered.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    [Range(1, 24 * 90)]
    public int InvitationHours { get; set; } = 24 * 7;

    /// <summary>Largest accepted upload; the intake's own archive limit applies too.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>How long a page sign-in (the session cookie) lasts; signing out ends it sooner.</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;

    /// <summary>Failed authentications a client address may make per minute before it is answered 429.</summary>
    [Range(1, 100_000)]
    public int FailedAuthenticationsPerMinute { get; set; } = 20;

    /// <summary>
    /// How long a server trusts whom a token or session belongs to without asking the database again.
    /// Revocations reach every server at once by notification; this bounds the staleness only if one
    /// were lost on a connection not yet known to be dead. 0 turns the cache off.
    /// </summary>
    [Range(0, 300)]
    public int CallerCacheSeconds { get; set; } = 30;

    /// <summary>Most callers a server keeps in its cache; beyond that, newcomers are looked up every time.</summary>
    [Range(1, 1_000_000)]
    public int CallerCacheEntries { get; set; } = 50_000;

    /// <summary>
    /// How long a server serves a graded report from memory without asking the database again. Every
    /// change to a report or its submission reaches every server at once by notification; this bounds
    /// the staleness only if one were lost on a connection not yet known to be dead. 0 turns the cache off.
    /// </summary>
    [Range(0, 300)]
    public int ReportCacheSeconds { get; set; } = 30;

    /// <summary>Most bytes of report bodies a server keeps in memory (64 MiB); the least recently read go first. 0 turns the cache off.</summary>
    [Range(0, 64L * 1024 * 1024 * 1024)]
    public long ReportCacheBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>172.16.0.0/12</c>) of TLS-terminating proxies whose
    /// <c>X-Forwarded-For/-Proto/-Host</c> headers are believed; loopback always is.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
