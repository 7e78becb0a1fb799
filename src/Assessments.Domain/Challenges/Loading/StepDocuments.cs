using System.Text.Json.Nodes;

namespace Assessments.Domain.Challenges.Loading;

// The shapes of the step kinds beyond a plain request, and of the upstream block, as authors write them.
#pragma warning disable CA1812 // instantiated by System.Text.Json

internal sealed class EventuallyDocument
{
    public int? TimeoutSeconds { get; set; }

    public int? IntervalMs { get; set; }
}

internal sealed class BurstDocument
{
    public int? Count { get; set; }

    public int? Concurrency { get; set; }
}

internal sealed class CollectDocument
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public ExpectDocument? When { get; set; }
}

internal sealed class UpstreamStepDocument
{
    public bool? Reset { get; set; }

    public FaultsDocument? Faults { get; set; }

    public SetDocument? Set { get; set; }
}

internal sealed class FaultsDocument
{
    public int? LatencyMs { get; set; }

    public int? JitterMs { get; set; }

    public bool? Outage { get; set; }

    public int? FailFirst { get; set; }

    public List<string>? FailKeys { get; set; }
}

internal sealed class SetDocument
{
    public string? Key { get; set; }

    public JsonNode? Data { get; set; }
}

internal sealed class ExpectUpstreamDocument
{
    public Dictionary<string, string>? Calls { get; set; }

    public string? TotalCalls { get; set; }

    public Dictionary<string, string>? PeakConcurrency { get; set; }

    public EffectsDocument? Effects { get; set; }

    public string? TracedFrom { get; set; }
}

internal sealed class EffectsDocument
{
    public string? References { get; set; }

    public string? Applied { get; set; }

    public string? Attempts { get; set; }

    public string? Failures { get; set; }
}

internal sealed class ServiceStepDocument
{
    public string? Signal { get; set; }

    public bool? Restart { get; set; }
}

internal sealed class ExpectServiceDocument
{
    public bool? Running { get; set; }

    public string? MemoryMiB { get; set; }

    public string? Restarts { get; set; }
}

internal sealed class SleepDocument
{
    public int? Milliseconds { get; set; }
}

internal sealed class UpstreamDocument
{
    public string? Resources { get; set; }

    public string? Data { get; set; }

    public string? Effects { get; set; }

    public int? LatencyMs { get; set; }

    public int? JitterMs { get; set; }

    public int? PaddingBytes { get; set; }
}
