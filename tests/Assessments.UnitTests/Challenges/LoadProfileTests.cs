using Assessments.Domain.Challenges.Loading;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

public sealed class LoadProfileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_bundled_challenge_declares_a_load_profile_with_thresholds()
    {
        var challenge = ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"));

        var load = Assert.IsType<Assessments.Domain.Challenges.LoadProfile>(challenge.Load);
        Assert.Equal("GET", load.Method);
        Assert.StartsWith("/products", load.Path, StringComparison.Ordinal);
        Assert.Contains("rate(failed) < 1%", load.Thresholds);
    }

    [Fact]
    public void A_load_profile_with_a_bad_threshold_a_write_method_and_no_rate_is_reported_precisely()
    {
        // given the bundled challenge with a broken load section
        var folder = _temp.CopyOf(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"), "challenge");
        var manifest = Path.Combine(folder, "challenge.yaml");
        var text = File.ReadAllText(manifest);
        var start = text.IndexOf("load:", StringComparison.Ordinal);
        var end = text.IndexOf("# The calibration set", StringComparison.Ordinal);
        File.WriteAllText(manifest, text[..start] + "load:\n  request: { method: POST, path: /products }\n  thresholds: [\"p(99) <<< fast\"]\n" + text[end..]);

        // when
        var (_, problems) = ChallengeLoader.Validate(folder);

        // then
        Assert.Contains(problems, p => p.Where == "load.request.method" && p.Message.Contains("GET or HEAD", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "load.rate");
        Assert.Contains(problems, p => p.Where == "load.thresholds[0]");
    }
}
