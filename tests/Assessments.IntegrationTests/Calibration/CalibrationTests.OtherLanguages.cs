using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Performance;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;

namespace Assessments.IntegrationTests.Calibration;

/// <summary>
/// The references in Go and Python (moreReferences in each challenge.yaml) read from the same shared
/// calibration run: each at its level, and a relative load threshold set by the C# senior that a
/// well-written service in another language holds too.
/// </summary>
public sealed partial class CalibrationTests
{
    [Fact]
    public void Every_other_language_reference_lands_at_its_level_within_the_load_thresholds_the_csharp_senior_sets()
    {
        var further = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "challenges")).Select(ChallengeLoader.Load)
            .SelectMany(c => c.References.Where(r => !r.IsPrimary).Select(r => (Challenge: c.Id, Reference: r)))
            .ToList();
        Assert.True(further.Count >= 3, $"expected a Go or Python reference in each challenge, found {further.Count}");

        foreach (var (challenge, reference) in further)
        {
            var report = calibration.Report(challenge, reference.Slug);
            var load = Check(report, BuiltInChecks.LoadThresholds);
            Assert.True(report.Level == reference.ExpectedLevel, $"{challenge}/{reference.Name}: {report.Level}, score {report.Score}");
            Assert.True(load.Passed, $"{challenge}/{reference.Name}: {load.Summary}");
            Assert.IsType<BaselineFigures>(Assert.IsType<BaselineSection>(report.Load.Baseline).Figures);
        }
    }

    [Fact]
    public void The_api_design_senior_in_go_passes_every_operations_check()
    {
        var report = calibration.Report("api-design", "senior-go");

        foreach (var check in OperationsChecks.All)
        {
            var outcome = Check(report, check);
            Assert.True(outcome.Passed, $"{check}: {outcome.Summary}");
        }
    }
}
