using System.Text;
using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scenarios;
using Assessments.Submissions.Kits;
using Assessments.Submissions.Sandbox;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Kits;

public sealed class CandidateKitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> ChallengeIds => new() { "api-design", "caching", "queues" };

    private static Challenge Load(string id) => ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", id));

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void The_kit_holds_the_brief_the_contract_the_starter_the_readable_checks_and_a_readme(string id)
    {
        var challenge = Load(id);

        var files = CandidateKit.Files(challenge).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

        Assert.Equal(File.ReadAllBytes(challenge.BriefPath), files["brief.md"]);
        Assert.Equal(File.ReadAllBytes(challenge.ContractPath), files["openapi.yaml"]);
        Assert.Contains("starter/Dockerfile", files.Keys);
        Assert.Contains("starter/.dockerignore", files.Keys);
        Assert.Contains("starter/Program.cs", files.Keys);
        Assert.Contains("../brief.md", Encoding.UTF8.GetString(files["starter/Program.cs"]), StringComparison.Ordinal);
        Assert.DoesNotContain(files.Keys, k => k.Contains("/bin/", StringComparison.Ordinal) || k.Contains("/obj/", StringComparison.Ordinal));
        var checks = Encoding.UTF8.GetString(files["CHECKS.md"]);
        foreach (var scenario in challenge.Scenarios.Where(s => s.Visibility == Visibility.Visible))
        {
            Assert.Contains($"`{scenario.Id}`: {scenario.Title}", checks, StringComparison.Ordinal);
        }

        Assert.Contains("README.md", files.Keys);
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void The_kit_is_a_challenge_folder_with_exactly_the_visible_scenarios_and_no_reference(string id)
    {
        var challenge = Load(id);
        var folder = _temp.PathOf($"kit-{id}");

        CandidateKit.WriteTo(challenge, folder);
        var kit = ChallengeLoader.Load(folder);

        Assert.Equal(challenge.Scenarios.Where(s => s.Visibility == Visibility.Visible).Select(s => s.Id), kit.Scenarios.Select(s => s.Id));
        Assert.Empty(kit.References);
        Assert.Empty(kit.Samples);
        Assert.Null(kit.Load?.Baseline);
        Assert.Equal(challenge.Service, kit.Service);
        Assert.Equal(challenge.Upstream is null, kit.Upstream is null);
        Assert.Equal(challenge.Contract.VisibleChecks.Order(), kit.Contract.VisibleChecks.Order());
        Assert.All(kit.Rubric.Criteria.SelectMany(c => c.Checks), check => Assert.True(Assessments.Domain.Kits.VisibleChecks.IsVisible(challenge, check), check));
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void No_hidden_scenario_reference_or_hidden_rubric_criterion_is_in_the_kit(string id)
    {
        var challenge = Load(id);
        var files = CandidateKit.Files(challenge);
        var text = string.Join("\n", files.Select(f => Encoding.UTF8.GetString(f.Value)));
        var machine = string.Join("\n", files.Where(f => f.Key is "challenge.yaml" or "scenarios.yaml" or "rubric.yaml" or "CHECKS.md").Select(f => Encoding.UTF8.GetString(f.Value)));

        foreach (var hidden in challenge.Scenarios.Where(s => s.Visibility == Visibility.Hidden))
        {
            Assert.DoesNotContain(hidden.Title, text, StringComparison.Ordinal);
            Assert.DoesNotContain($"id: {hidden.Id}\n", machine, StringComparison.Ordinal);
            Assert.DoesNotContain($"`{hidden.Id}`", machine, StringComparison.Ordinal);
            Assert.DoesNotMatch($@"[\[ ,]{System.Text.RegularExpressions.Regex.Escape(hidden.Id)}[\], ]", machine);
        }

        foreach (var criterion in challenge.Rubric.Criteria.Where(c => c.Checks.All(check => !Assessments.Domain.Kits.VisibleChecks.IsVisible(challenge, check))))
        {
            Assert.DoesNotContain($"id: {criterion.Id}\n", machine, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\nreferences:", machine, StringComparison.Ordinal);
        Assert.DoesNotContain("moreReferences", machine, StringComparison.Ordinal);
        Assert.DoesNotContain("\nsamples:", machine, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline", machine, StringComparison.OrdinalIgnoreCase);

        // No file of any reference solution travels with the kit, unless the starter has the very same file.
        var starter = Directory.EnumerateFiles(challenge.StarterDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in challenge.References)
        {
            foreach (var file in Directory.EnumerateFiles(reference.Directory, "*.cs", SearchOption.AllDirectories).Where(f => !starter.Contains(File.ReadAllText(f))))
            {
                var code = File.ReadAllText(file);
                Assert.DoesNotContain(code, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void The_readme_states_the_values_the_runner_enforces(string id)
    {
        var challenge = Load(id);
        var sandbox = SandboxLimits.Default.With(challenge.Sandbox);

        var readme = Encoding.UTF8.GetString(CandidateKit.Files(challenge).Single(f => f.Key == "README.md").Value);

        Assert.Contains($"port {challenge.Service.Port}", readme, StringComparison.Ordinal);
        Assert.Contains($"`PORT={challenge.Service.Port}`", readme, StringComparison.Ordinal);
        Assert.Contains($"Memory: {sandbox.RunMemoryBytes / (1024 * 1024)} MiB", readme, StringComparison.Ordinal);
        Assert.Contains("no network", readme, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Read-only root file system", readme, StringComparison.Ordinal);
        Assert.Contains("tmpfs", readme, StringComparison.Ordinal);
        Assert.All(sandbox.AllowedBaseImages, image => Assert.Contains($"`{image}`", readme, StringComparison.Ordinal));
        Assert.Equal(challenge.Upstream is not null, readme.Contains("`UPSTREAM_URL=http://upstream:8080`", StringComparison.Ordinal));
        Assert.Equal(challenge.Service.DataVolume is not null, readme.Contains($"`DATA_DIR={challenge.Service.DataVolume}`", StringComparison.Ordinal));
    }

    [Fact]
    public void A_challenge_that_grants_more_memory_says_so_in_its_readme()
    {
        var folder = _temp.CopyOf(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"), "challenge");
        File.AppendAllText(Path.Combine(folder, "challenge.yaml"), "\nsandbox:\n  runMemoryMb: 1536\n");

        var readme = Encoding.UTF8.GetString(CandidateKit.Files(ChallengeLoader.Load(folder)).Single(f => f.Key == "README.md").Value);

        Assert.Contains("Memory: 1536 MiB", readme, StringComparison.Ordinal);
    }
}
