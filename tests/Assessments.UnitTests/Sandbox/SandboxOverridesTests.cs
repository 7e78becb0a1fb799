using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Runner.Sandbox;
using Assessments.Submissions.Sandbox;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Sandbox;

public sealed class SandboxOverridesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void With_puts_a_challenge_s_values_in_place_of_the_defaults_and_keeps_the_rest()
    {
        var limits = SandboxLimits.Default.With(new SandboxOverrides(RunMemoryMb: 512, Pids: 128, BuildTimeoutSeconds: 120, TmpSizeMb: 16));

        Assert.Equal(512L * 1024 * 1024, limits.RunMemoryBytes);
        Assert.Equal(128, limits.PidsLimit);
        Assert.Equal(TimeSpan.FromMinutes(2), limits.BuildTimeout);
        Assert.Equal("16m", limits.TmpSize);
        Assert.Equal(SandboxLimits.Default.OpenFilesLimit, limits.OpenFilesLimit);
        Assert.Equal("536870912", limits.Describe()["run.memoryBytes"]);
    }

    [Fact]
    public void With_no_overrides_is_the_default()
    {
        Assert.Equal(SandboxLimits.Default, SandboxLimits.Default.With(SandboxOverrides.None));
    }

    [Fact]
    public void A_challenge_asking_for_more_than_the_platform_allows_is_invalid()
    {
        // given the bundled challenge asking for 64 GiB and 100,000 processes
        _temp.CopyOf(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"), "c");
        File.AppendAllText(_temp.PathOf("c/challenge.yaml"), "sandbox:\n  runMemoryMb: 65536\n  pids: 100000\n  tmpSizeMb: 32\n");

        // when
        var (challenge, problems) = ChallengeLoader.Validate(_temp.PathOf("c"));

        // then
        Assert.Null(challenge);
        Assert.Contains(problems, p => p.Where == "sandbox.runMemoryMb" && p.Message.Contains("64–2048", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "sandbox.pids");
        Assert.DoesNotContain(problems, p => p.Where == "sandbox.tmpSizeMb");
    }
}
