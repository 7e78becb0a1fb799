using Assessments.Domain.Challenges.Loading;
using Assessments.Submissions.Kits;

namespace Assessments.IntegrationTests.Kits;

/// <summary>
/// `assess check` as a candidate runs it: from a kit unpacked outside the repository (so nothing but
/// the kit is in reach), against the kit's starter and against the senior reference. One grading each.
/// The starters and the senior's visible checks run without the load profile beside other tests, and
/// the senior once with it (api-design, the quickest), alone: the load check passes only when its
/// latencies hold.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class KitCheckTests(DockerFixture docker) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("assess-kit-check-").FullName;
    private readonly string _withoutLoad = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    public void Dispose()
    {
        Directory.Delete(_temp, recursive: true);
        Directory.Delete(_withoutLoad, recursive: true);
    }

    public static TheoryData<string, string> Starters => new()
    {
        { "api-design", "create-product" },
        { "caching", "price-lookup" },
        { "queues", "accept-job" },
    };

    public static TheoryData<string> ChallengeIds => new() { "api-design", "caching", "queues" };

    [Theory]
    [MemberData(nameof(Starters))]
    public async Task Check_of_the_kits_starter_prints_its_failed_visible_checks_first_with_requests_and_exits_1(string id, string failing)
    {
        // The kit without its load profile: the starter fails its checks whatever the load says, and
        // measuring it beside other tests would wait out a baseline and a load run for nothing.
        var kit = WriteKit(id, Path.Combine(_withoutLoad, id));

        var (exit, output) = await AssessProcess.RunAsync("check", Path.Combine(kit, "starter"));

        Assert.True(exit == 1, output);
        Assert.Contains($"FAIL {failing}:", output, StringComparison.Ordinal);
        Assert.Contains("PASS service.ready", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("FAIL ", StringComparison.Ordinal) < output.IndexOf("PASS ", StringComparison.Ordinal), output);
        Assert.Contains("curl", output, StringComparison.Ordinal);
        Assert.Matches(@"visible checks: \d+ of \d+ points", output);
        Assert.DoesNotContain("not-yet", output, StringComparison.Ordinal);
        Assert.Empty(await docker.LeftoversAsync());
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public async Task Check_of_the_senior_reference_passes_every_visible_check_and_exits_0(string id) =>
        await CheckSeniorAsync(id, WriteKit(id, Path.Combine(_withoutLoad, id)));

    [Fact]
    [Trait("Schedule", "Alone")] // passes the load check only when its latencies hold: nothing may run beside it
    public async Task Check_of_the_senior_reference_passes_the_load_check_too()
    {
        var output = await CheckSeniorAsync("api-design", WriteKit("api-design"));

        Assert.Contains("PASS load.thresholds", output, StringComparison.Ordinal);
    }

    private async Task<string> CheckSeniorAsync(string id, string kit)
    {        var service = Path.Combine(_temp, "my-service");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Challenge(id) + "/reference/senior", "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(service, Path.GetRelativePath(RepositoryPaths.Challenge(id) + "/reference/senior", file));
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

    private string WriteKit(string id, string? challenge = null)
    {
        var kit = Path.Combine(_temp, id);
        CandidateKit.WriteTo(ChallengeLoader.Load(challenge ?? RepositoryPaths.Challenge(id)), kit);
        return kit;
    }
}
