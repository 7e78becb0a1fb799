using Assessments.Load.SelfCheck;
using Assessments.Domain.Thresholds;

namespace Assessments.Load.Model;

/// <summary>Everything one load run needs. Scenarios in a plan run at the same time.</summary>
public sealed record LoadPlan(IReadOnlyList<Scenario> Scenarios)
{
    /// <summary>The first part of every schedule; measured but left out of the result.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>Upper bound on open connections, and so on requests in flight.</summary>
    public int Connections { get; init; } = 100;

    /// <summary>Whole-request deadline; also how long an open-model request may wait for a free connection.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Responses longer than this fail with <c>body_too_large</c> rather than exhausting memory.</summary>
    public int MaxResponseBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long in-flight requests may finish after the schedule ends.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<ThresholdSpec> Thresholds { get; init; } = [];

    public SelfCheckLimits SelfCheck { get; init; } = new();

    /// <summary>Hosts other than loopback that may be targeted (for instance a grading container's address).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>When set, the per-second interval histograms are written there in HdrHistogram's .hlog format.</summary>
    public string? HistogramLogPath { get; init; }

    /// <summary>Whether to open the connections before the schedule starts, so that connecting is not measured as latency.</summary>
    public bool PreOpenConnections { get; init; } = true;

    /// <summary>Off sends everything through HttpClient, so tests cover the path other platforms and HTTPS take.</summary>
    internal bool UseWireClient { get; init; } = true;
}
