namespace Assessments.IntegrationTests.Kits;

/// <summary>
/// `assess check` of the senior reference, copied beside a kit unpacked outside the repository: its
/// visible checks without the load profile beside other tests, and once with it (api-design, the
/// quickest) alone, since the load check passes only when its latencies hold.
/// </summary>
[Collection(DockerBesideCollection.Name)]
public sealed class KitSeniorCheckTests(DockerFixture docker) : IDisposable
{
    private readonly KitWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> ChallengeIds => new() { "api-design", "caching", "queues" };

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public async Task Check_of_the_senior_reference_passes_every_visible_check_and_exits_0(string id) =>
        await CheckSeniorAsync(id, _workspace.WriteKitWithoutLoad(id));

    [Fact]
    [Trait("Schedule", "Alone")] // passes the load check only when its latencies hold: nothing may run beside it
    public async Task Check_of_the_senior_reference_passes_the_load_check_too()
    {
        var output = await CheckSeniorAsync("api-design", _workspace.WriteKit("api-design"));

        Assert.Contains("PASS load.thresholds", output, StringComparison.Ordinal);
    }

    private async Task<string> CheckSeniorAsync(string id, string kit)
    {
        var senior = Path.Combine(RepositoryPaths.Challenge(id), "reference", "senior");
        var service = Path.Combine(_workspace.Temp, "my-service");
        foreach (var file in Directory.EnumerateFiles(senior, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(service, Path.GetRelativePath(senior, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var (exit, output) = await AssessProcess.RunAsync("check", service, "--kit", kit);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("FAIL ", output, StringComparison.Ordinal);
        Assert.Contains("PASS ops.graceful-shutdown", output, StringComparison.Ordinal);
        Assert.Empty(await docker.LeftoversAsync());
        return output;
    }
}
