namespace Assessments.Domain.Challenges;

/// <summary>
/// Limits a challenge sets for its own submissions instead of the platform defaults (a service that
/// needs more memory, a build that takes longer), each capped by <see cref="SandboxMaxima"/>.
/// Unset values keep the platform default.
/// </summary>
public sealed record SandboxOverrides(int? RunMemoryMb = null, int? Pids = null, int? BuildTimeoutSeconds = null, int? TmpSizeMb = null)
{
    public static SandboxOverrides None { get; } = new();
}

/// <summary>The most any challenge may grant: beyond these one submission could starve a runner.</summary>
public static class SandboxMaxima
{
    public const int RunMemoryMb = 2048;
    public const int Pids = 1024;
    public const int BuildTimeoutSeconds = 900;
    public const int TmpSizeMb = 256;
}
