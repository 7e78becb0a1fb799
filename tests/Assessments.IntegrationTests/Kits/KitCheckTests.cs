namespace Assessments.IntegrationTests.Kits;

/// <summary>
/// `assess check` as a candidate runs it, from a kit unpacked outside the repository, against the kit's
/// starter: one grading each, without the load profile (the starter fails its checks whatever the load
/// says). The senior reference's checks are <see cref="KitSeniorCheckTests"/>, on another line.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class KitCheckTests(DockerFixture docker) : IDisposable
{
    private readonly KitWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string> Starters => new()
    {
        { "api-design", "create-product" },
        { "caching", "price-lookup" },
        { "queues", "accept-job" },
    };

    [Theory]
    [MemberData(nameof(Starters))]
    public async Task Check_of_the_kits_starter_prints_its_failed_visible_checks_first_with_requests_and_exits_1(string id, string failing)
    {
        // Measuring the starter beside other tests would wait out a baseline and a load run for nothing.
        var kit = _workspace.WriteKitWithoutLoad(id);

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
}
