using System.Text.Json.Nodes;

namespace Assessments.Domain.Challenges.Loading;

// The shapes of the challenge files as authors write them. Every member is optional here so that a
// missing field becomes a clear problem from the validator instead of a mapping exception.
#pragma warning disable CA1812 // instantiated by System.Text.Json

internal sealed class ManifestDocument
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Title { get; set; }

    public ServiceDocument? Service { get; set; }

    public Dictionary<string, string>? References { get; set; }

    /// <summary>Further references of a level already under <see cref="References"/>, each in another language.</summary>
    public List<MoreReferenceDocument>? MoreReferences { get; set; }

    public List<SampleDocument>? Samples { get; set; }

    public ContractDocument? Contract { get; set; }

    public LoadDocument? Load { get; set; }

    public SandboxDocument? Sandbox { get; set; }

    public UpstreamDocument? Upstream { get; set; }

    public OperationsDocument? Operations { get; set; }
}

internal sealed class ContractDocument
{
    /// <summary>Contract check ids candidates see before submitting.</summary>
    public List<string>? Visible { get; set; }
}

internal sealed class MoreReferenceDocument
{
    public string? Level { get; set; }

    public string? Path { get; set; }

    public string? Language { get; set; }
}

internal sealed class SampleDocument
{
    public string? Name { get; set; }

    public string? Path { get; set; }

    public string? Expect { get; set; }
}

internal sealed class ServiceDocument
{
    public int? Port { get; set; }

    public string? Readiness { get; set; }

    public int? ReadinessTimeoutSeconds { get; set; }

    public int? RequestTimeoutSeconds { get; set; }

    /// <summary>Where a Docker volume that survives restarts is mounted (e.g. <c>/data</c>).</summary>
    public string? DataVolume { get; set; }
}

internal sealed class ScenariosDocument
{
    public List<ScenarioDocument>? Scenarios { get; set; }
}

internal sealed class ScenarioDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Visibility { get; set; }

    public List<StepDocument>? Steps { get; set; }
}

internal sealed class StepDocument
{
    public RequestDocument? Request { get; set; }

    public ExpectDocument? Expect { get; set; }

    public Dictionary<string, string>? Capture { get; set; }

    public EventuallyDocument? Eventually { get; set; }

    public BurstDocument? Burst { get; set; }

    public ExpectDocument? ExpectSome { get; set; }

    public CollectDocument? Collect { get; set; }

    public UpstreamStepDocument? Upstream { get; set; }

    public ExpectUpstreamDocument? ExpectUpstream { get; set; }

    public ServiceStepDocument? Service { get; set; }

    public ExpectServiceDocument? ExpectService { get; set; }

    public SleepDocument? Sleep { get; set; }
}

internal sealed class RequestDocument
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    public Dictionary<string, string>? Headers { get; set; }

    public JsonNode? Json { get; set; }

    public string? Body { get; set; }
}

internal sealed class ExpectDocument
{
    /// <summary>One status code or a list of acceptable ones.</summary>
    public JsonNode? Status { get; set; }

    public string? ContentType { get; set; }

    public Dictionary<string, string>? Headers { get; set; }

    public Dictionary<string, JsonNode?>? Json { get; set; }

    public int? MaxMs { get; set; }
}

internal sealed class RubricDocument
{
    public string? Version { get; set; }

    public List<CriterionDocument>? Criteria { get; set; }

    public Dictionary<string, LevelGateDocument>? Levels { get; set; }
}

internal sealed class CriterionDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Competency { get; set; }

    public int? Points { get; set; }

    public List<string>? Checks { get; set; }

    public bool Partial { get; set; }
}

internal sealed class LevelGateDocument
{
    public int? MinScore { get; set; }

    public List<string>? Requires { get; set; }
}

internal sealed class LoadDocument
{
    public RequestDocument? Request { get; set; }

    public int? Rate { get; set; }

    public int? DurationSeconds { get; set; }

    public int? WarmupSeconds { get; set; }

    public int? Connections { get; set; }

    public List<string>? Thresholds { get; set; }

    public BaselineDocument? Baseline { get; set; }

    public string? UpstreamCallsPerRequest { get; set; }
}

internal sealed class BaselineDocument
{
    public string? Reference { get; set; }

    public int? MaxAgeHours { get; set; }
}

internal sealed class OperationsDocument
{
    public string? Liveness { get; set; }

    public string? Readiness { get; set; }

    public string? Metrics { get; set; }

    public RequestDocument? TraceProbe { get; set; }

    public RequestDocument? ShutdownProbe { get; set; }

    public int? ShutdownGraceSeconds { get; set; }
}

internal sealed class SandboxDocument
{
    public int? RunMemoryMb { get; set; }

    public int? Pids { get; set; }

    public int? BuildTimeoutSeconds { get; set; }

    public int? TmpSizeMb { get; set; }
}
