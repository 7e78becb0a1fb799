using Assessments.Domain.Challenges.Loading;

namespace Assessments.IntegrationTests.Calibration;

/// <summary>
/// The rubrics put every reference solution of every challenge at the level the hiring team labelled
/// it with, the same level again when graded again, and still on a slower machine (half a CPU for
/// the service and for the reference it is compared with).
/// </summary>
[Collection(DockerCollection.Name)]
[Trait("Schedule", "Alone")] // compares latencies with the reference's: nothing may run beside it (scripts/test.sh)
public sealed partial class CalibrationTests(CalibrationFixture calibration) : IClassFixture<CalibrationFixture>
{
    private static readonly string[] Levels = ["not-yet", "junior", "engineer-ii", "senior"];

    [Fact]
    public void Every_reference_of_every_challenge_is_graded_at_its_labelled_level()
    {
        var results = calibration.Results;
        var challenges = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "challenges")).Select(ChallengeLoader.Load).ToList();

        Assert.True(challenges.Count >= 3, $"expected the three challenges, found {challenges.Count}");
        foreach (var challenge in challenges)
        {
            var graded = results.Where(r => r.Challenge == challenge.Id).Select(r => r.Expected).Order().ToList();
            Assert.Equal(Levels.Order(), graded);
        }

        Assert.True(results.All(r => r.Matches), CalibrationRun.Describe(results));
    }

    [Fact]
    public async Task The_senior_reference_of_each_challenge_keeps_its_level_when_graded_three_times_with_scores_within_3_points()
    {
        var again = await CalibrationRun.RunAsync("--level", "senior", "--repeat", "2");
        var runs = calibration.Results.Where(r => r.Expected == "senior").Concat(again).ToList();

        foreach (var challenge in runs.GroupBy(r => r.Challenge))
        {
            Assert.True(challenge.Count() == 3, CalibrationRun.Describe(challenge));
            Assert.True(challenge.All(r => r.Given == "senior"), CalibrationRun.Describe(challenge));
            Assert.True(challenge.Max(r => r.Score) - challenge.Min(r => r.Score) <= 3, CalibrationRun.Describe(challenge));
        }
    }

    [Fact]
    public async Task Senior_and_engineer_ii_references_keep_their_level_with_half_a_cpu()
    {
        var slow = await CalibrationRun.RunAsync("--level", "senior", "--level", "engineer-ii", "--cpus", "0.5");

        Assert.Equal(2 * slow.Select(r => r.Challenge).Distinct().Count(), slow.Count);
        Assert.True(slow.All(r => r.Matches), CalibrationRun.Describe(slow));
    }
}
