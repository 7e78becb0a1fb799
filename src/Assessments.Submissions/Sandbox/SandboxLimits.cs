using Assessments.Domain.Challenges;

namespace Assessments.Submissions.Sandbox;

/// <summary>
/// The limits a submission builds and runs under (defaults from SANDBOX.md). The runner applies them and
/// the candidate kit states them; every report records the values in force (the runner's
/// <c>SandboxDescription</c>), so a grade can be explained by the box it was graded in.
/// </summary>
public sealed record SandboxLimits
{
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public long BuildMemoryBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>CPU quota of the build, in CPUs (the classic builder takes a quota per 100 ms period).</summary>
    public double BuildCpus { get; init; } = 1.5;

    public int BuildLogMaxBytes { get; init; } = 1024 * 1024;

    public long RunMemoryBytes { get; init; } = 1024L * 1024 * 1024;

    public long PidsLimit { get; init; } = 512;

    public long OpenFilesLimit { get; init; } = 8192;

    public string TmpSize { get; init; } = "64m";

    /// <summary>CPUs the service is pinned to (cpuset); null leaves it unpinned.</summary>
    public string? CpuSet { get; init; } = "1";

    /// <summary>CPUs the upstream stub is pinned to (the grading slot's); null leaves it unpinned.</summary>
    public string? UpstreamCpuSet { get; init; }

    /// <summary>CPUs the image build may use (the grading slot's); null leaves it unpinned.</summary>
    public string? BuildCpuSet { get; init; }

    /// <summary>
    /// CPU quota of the service in CPUs (0.5 = half of one CPU), on top of the cpuset; null sets none.
    /// Calibration uses it to stand in for a slower machine.
    /// </summary>
    public double? RunCpus { get; init; }

    public string LogMaxSize { get; init; } = "10m";

    /// <summary>How many trailing lines of a log are kept as evidence.</summary>
    public int LogTailLines { get; init; } = 60;

    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>UID:GID the service runs as when its image would otherwise run it as root.</summary>
    public string FallbackUser { get; init; } = "65534:65534";

    /// <summary>The images the platform builds itself (scripts/ensure-base-images.sh, scripts/ensure-toolchain-images.sh), plus <c>scratch</c>.</summary>
    public static IReadOnlyList<string> DefaultBaseImages { get; } =
    [
        "mcr.microsoft.com/dotnet/sdk:10.0",
        "mcr.microsoft.com/dotnet/aspnet:10.0",
        "debian:bookworm-slim",
        "python:3.11-slim",
        "golang:1.19",
        "node:20-slim",
        "node:20",
        "eclipse-temurin:17-jdk",
        "eclipse-temurin:17-jre",
        "scratch",
    ];

    /// <summary>Base images a Dockerfile may name; anything else would have to be pulled.</summary>
    public IReadOnlyList<string> AllowedBaseImages { get; init; } = DefaultBaseImages;

    public static SandboxLimits Default { get; } = new();

    /// <summary>These limits on a grading slot's CPUs: the service, the stub and the build each on the slot's own set.</summary>
    public SandboxLimits On(Domain.Hosts.CpuSlot slot) => this with
    {
        CpuSet = slot.ServiceSet,
        UpstreamCpuSet = slot.UpstreamSet,
        BuildCpuSet = slot.AllSet,
    };

    /// <summary>A cpuset Docker can apply on this host: every CPU in it exists; otherwise null (no pinning), as pinning to a missing CPU fails the start.</summary>
    public static string? Usable(string? cpuSet) =>
        cpuSet is not null && cpuSet.Split(',', '-').All(c => int.TryParse(c, out var n) && n < Environment.ProcessorCount) ? cpuSet : null;

    /// <summary>These limits with a challenge's own values in place of the defaults (already checked against the maxima).</summary>
    public SandboxLimits With(SandboxOverrides overrides) => this with
    {
        RunMemoryBytes = overrides.RunMemoryMb is { } memory ? memory * 1024L * 1024 : RunMemoryBytes,
        PidsLimit = overrides.Pids ?? PidsLimit,
        BuildTimeout = overrides.BuildTimeoutSeconds is { } build ? TimeSpan.FromSeconds(build) : BuildTimeout,
        TmpSize = overrides.TmpSizeMb is { } tmp ? $"{tmp}m" : TmpSize,
    };
}
