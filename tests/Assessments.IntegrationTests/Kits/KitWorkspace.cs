using Assessments.Domain.Challenges.Loading;
using Assessments.Submissions.Kits;

namespace Assessments.IntegrationTests.Kits;

/// <summary>
/// A folder outside the repository where a test unpacks a candidate's kit (so nothing but the kit is in
/// reach of `assess check`), and the copy of the challenges without their load profiles.
/// </summary>
internal sealed class KitWorkspace : IDisposable
{
    public string Temp { get; } = Directory.CreateTempSubdirectory("assess-kit-check-").FullName;

    /// <summary>The challenges without a load profile: checks that do not measure, beside other tests.</summary>
    public string WithoutLoad { get; } = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));

    /// <summary>Writes the kit of challenge <paramref name="id"/> (from <paramref name="challenge"/>, the repository's by default); returns its folder.</summary>
    public string WriteKit(string id, string? challenge = null)
    {
        var kit = Path.Combine(Temp, id);
        CandidateKit.WriteTo(ChallengeLoader.Load(challenge ?? RepositoryPaths.Challenge(id)), kit);
        return kit;
    }

    /// <summary>The kit of challenge <paramref name="id"/> without its load profile.</summary>
    public string WriteKitWithoutLoad(string id) => WriteKit(id, Path.Combine(WithoutLoad, id));

    public void Dispose()
    {
        Directory.Delete(Temp, recursive: true);
        Directory.Delete(WithoutLoad, recursive: true);
    }
}
