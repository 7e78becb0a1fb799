using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Runner.Docker;
using Assessments.Runner.Grading;
using Assessments.Submissions.Sandbox;

namespace Assessments.UnitTests.Grading;

/// <summary>A platform fault late in a grading (the load generator saturated, say) keeps what was seen before it.</summary>
public sealed class InfrastructureErrorReportTests
{
    private static ReportBuilder NewBuilder() => new(
        new GradingRequest(ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", "api-design")), "submission"),
        new PhaseClock(),
        SandboxLimits.Default);

    [Fact]
    public void The_checks_judged_before_the_fault_stay_in_the_report_unscored()
    {
        var report = NewBuilder();
        report.Outcomes.Add(new CheckOutcome("create-product", true, "201 with Location", [Evidence.Note("POST /products → 201")]));
        report.Outcomes.Add(new CheckOutcome("pagination", false, "no next link", [Evidence.Note("GET /products?limit=2 → 200")]));

        var written = report.InfrastructureError(new InfrastructureException("the load generator could not keep its schedule"));

        Assert.Equal(ReportStatus.InfrastructureError, written.Status);
        Assert.Equal(0, written.Score);
        Assert.Equal(["create-product", "pagination"], written.Contract.Checks.Select(c => c.Id));
        Assert.Equal((1, 1), (written.Contract.Passed, written.Contract.Failed));
        Assert.Contains("2 check(s) ran before it", written.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_before_any_check_says_only_what_went_wrong()
    {
        var written = NewBuilder().InfrastructureError(new InvalidOperationException("the engine went away"));

        Assert.Empty(written.Contract.Checks);
        Assert.Equal("InvalidOperationException: the engine went away", written.Failure!.Message);
    }

    [Fact]
    public async Task A_fault_inside_a_phase_names_the_phase_and_one_after_it_does_not()
    {
        var report = NewBuilder();
        await report.Clock.TimeAsync(Phases.Intake, () => Task.FromResult(0));
        Assert.Null(report.Clock.Current);

        var engine = new InvalidOperationException("unrecognized image ID sha256:1fc9");
        await Assert.ThrowsAsync<InvalidOperationException>(() => report.Clock.TimeAsync<int>(Phases.Build, () => throw engine));
        var written = report.InfrastructureError(engine);

        Assert.Equal("in the build phase: InvalidOperationException: unrecognized image ID sha256:1fc9", written.Failure!.Message);
        Assert.True(report.Clock.Phases.ContainsKey(Phases.Build), "the failed phase's time is still recorded");
    }
}
