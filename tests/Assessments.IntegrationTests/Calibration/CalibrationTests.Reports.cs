using Assessments.Domain.Performance;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Reporting;

namespace Assessments.IntegrationTests.Calibration;

/// <summary>
/// What the calibration's twelve reports show besides their levels: every report complete and valid,
/// the operations checks, the relative load threshold, and the real faults (kill -9, the upstream stub).
/// They read the reports the shared calibration run wrote instead of grading the references again.
/// </summary>
public sealed partial class CalibrationTests
{
    [Fact]
    public async Task Every_calibration_report_keeps_to_the_schema_with_evidence_for_every_criterion_and_nothing_is_left_behind()
    {
        Assert.Empty(calibration.Leftovers);
        foreach (var result in calibration.Results)
        {
            var json = await File.ReadAllTextAsync(result.Report);
            Assert.Empty(await ReportSchema.ErrorsAsync(json));
            var report = ReportJson.Deserialize(json);
            Assert.All(report.Criteria, c => Assert.NotEmpty(c.Evidence));
            Assert.Matches("^[0-9a-f]{64}$", report.Submission.Sha256);
            Assert.Contains(report.Contract.Checks, c => c.Id == BuiltInChecks.ServiceReady && c.Passed);
        }
    }

    [Fact]
    public void The_api_design_senior_reference_passes_every_operations_check_and_its_baseline_scales_the_p99_threshold()
    {
        var report = calibration.Report("api-design", "senior");

        foreach (var check in OperationsChecks.All)
        {
            var outcome = Check(report, check);
            Assert.True(outcome.Passed, $"{check}: {outcome.Summary}");
        }

        Assert.Contains("exited with code 0", Check(report, OperationsChecks.GracefulShutdown).Summary, StringComparison.Ordinal);
        Assert.All(new[] { "health-probes", "telemetry", "unknown-route-problem", "graceful-shutdown" }, id => Assert.True(report.Criteria.Single(c => c.Id == id).Passed, id));

        var baseline = Assert.IsType<BaselineSection>(report.Load.Baseline);
        var figures = Assert.IsType<BaselineFigures>(baseline.Figures);
        Assert.InRange(figures.P99, 0.01, 1000);
        Assert.Matches(@"^p\(99\) < \d+(\.\d+)?ms$", Assert.Single(baseline.Thresholds).Absolute);
        Assert.Contains(Check(report, BuiltInChecks.LoadThresholds).Evidence, e => e.Summary.Contains("3 x baseline + 20ms", StringComparison.Ordinal));
        Assert.Contains("## Baseline: the senior reference on this machine", MarkdownReport.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_design_junior_reference_has_a_health_endpoint_and_little_else()
    {
        var report = calibration.Report("api-design", "junior");

        Assert.True(Check(report, OperationsChecks.Liveness).Passed);
        foreach (var check in new[] { OperationsChecks.Readiness, OperationsChecks.Metrics, OperationsChecks.StructuredLogs, OperationsChecks.TraceContext, OperationsChecks.ProblemJson })
        {
            Assert.False(Check(report, check).Passed, check);
        }

        Assert.Equal(Level.Junior, report.Level);
    }

    [Fact]
    public void The_queue_challenges_kill_9_and_the_caching_challenges_upstream_stub_are_real_and_their_evidence_is_in_the_reports()
    {
        var kill = Check(calibration.Report("queues", "senior"), "survives-kill");
        var killed = EvidenceText.Of(kill.Evidence);
        Assert.True(kill.Passed, $"{kill.Summary}\n{killed}");
        Assert.Contains("SIGKILL sent at", killed, StringComparison.Ordinal);
        Assert.Contains("exited with code 137", killed, StringComparison.Ordinal);
        Assert.Contains("ready again after", killed, StringComparison.Ordinal);
        Assert.Contains("40 of 40 reference(s) in 'beforeKill' as expected", killed, StringComparison.Ordinal);

        // the in-memory junior loses what it had accepted, and the stub's bookkeeping shows it
        var lost = Check(calibration.Report("queues", "junior"), "survives-kill");
        Assert.False(lost.Passed);
        Assert.Contains("in 'beforeKill' were not as expected", lost.Summary, StringComparison.Ordinal);

        var stampede = Check(calibration.Report("caching", "senior"), "stampede");
        var counted = EvidenceText.Of(stampede.Evidence);
        Assert.True(stampede.Passed, $"{stampede.Summary}\n{counted}");
        Assert.Contains("calls[\"GET /prices/SKU-40\"]", counted, StringComparison.Ordinal);
        var efficiency = Check(calibration.Report("caching", "senior"), BuiltInChecks.LoadUpstreamEfficiency);
        Assert.True(efficiency.Passed, efficiency.Summary);
        Assert.Matches(@"^\d+ upstream call\(s\) for 1000 request\(s\)", efficiency.Summary);
    }

    [Fact]
    public void The_verdicts_key_figures_say_p99_against_threshold_and_reference_upstream_calls_per_request_and_what_kill_9_did()
    {
        var api = Figures(calibration.Report("api-design", "senior"));
        Assert.Matches(@"^[\d.]+ ms · threshold [\d.]+ ms · senior reference [\d.]+ ms$", api["p99 latency under load"].Value);
        Assert.True(api["p99 latency under load"].Held);

        var caching = Figures(calibration.Report("caching", "senior"));
        Assert.Matches(@"^[\d.]+$", caching["Upstream calls per request under load"].Value);
        Assert.True(caching["Upstream calls per request under load"].Held);

        var kept = Figures(calibration.Report("queues", "senior"))["kill -9 and restart"];
        Assert.Equal(("nothing lost: every expectation held across the kill and restart", true), (kept.Value, kept.Held));
        var lost = Figures(calibration.Report("queues", "junior"))["kill -9 and restart"];
        Assert.False(lost.Held);
        Assert.Contains("were not as expected", lost.Value, StringComparison.Ordinal);
    }

    private static Dictionary<string, Reporting.Summary.KeyFigure> Figures(GradingReport report) =>
        Reporting.Summary.Verdict.Of(report).Figures.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static CheckReport Check(GradingReport report, string id) =>
        report.Contract.Checks.SingleOrDefault(c => c.Id == id) ?? throw new Xunit.Sdk.XunitException($"{report.Challenge.Id}/{report.Submission.Name} has no check '{id}'");
}
