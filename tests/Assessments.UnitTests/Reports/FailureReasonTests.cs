using Assessments.Domain.Reports;
using Assessments.Domain.Rubrics;
using Assessments.Domain.Scoring;
using Assessments.Reporting.Exhibits;
using Assessments.Reporting.Summary;

namespace Assessments.UnitTests.Reports;

/// <summary>
/// The reason a failed criterion gives (terminal, verdict, report) is the failed check's own words,
/// never a passing exchange, a "not applicable" note or a count: the three lines issue 21 quotes.
/// </summary>
public sealed class FailureReasonTests
{
    private static readonly HttpExchange Exchange = new(
        new HttpRequestRecord("GET", "/metrics", new Dictionary<string, string>(), null),
        new HttpResponseRecord(200, new Dictionary<string, string>(), "http_requests_total 1", false),
        3,
        null,
        "curl -i 'http://localhost:8080/metrics'");

    [Fact]
    public void Input_checking_fails_with_the_rejected_input_not_with_the_security_check_that_did_not_apply()
    {
        var failed = new CheckOutcome("contract.invalid-input-rejected", false, "1 of 26 exchange(s) failed (seed 1); first: body 'key' longer than 64: answered 204",
            [Evidence.Of(Exchange, "body 'key' longer than 64: answered 204") with { Passed = false }]);
        var notApplicable = new CheckOutcome("contract.security", true, "not applicable: no operation declares security", [Evidence.Note("Not applicable: no operation declares security")]);

        var reason = ReasonOf(["contract.invalid-input-rejected", "contract.security"], failed, notApplicable);

        Assert.StartsWith("1 of 26 exchange(s) failed", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Not applicable", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Structured_logs_fail_with_the_share_of_structured_lines_not_with_a_metrics_exchange_that_answered_200()
    {
        var logs = new CheckOutcome("ops.structured-logs", false, "2 of 10 stdout line(s) are structured records (20%; 80% needed)",
            [Evidence.Measurement("2 of 10 stdout line(s) are structured records", 20, "%"), Evidence.Log("first line that is not a structured record", ["Now listening"]) with { Passed = false }]);
        var metrics = new CheckOutcome("ops.metrics", true, "GET /metrics answered 200 with request samples", [Evidence.Of(Exchange, "GET /products?limit=1 … answered 200")]);

        var reason = ReasonOf(["ops.structured-logs", "ops.metrics"], logs, metrics);

        Assert.Equal("2 of 10 stdout line(s) are structured records (20%; 80% needed)", reason);
    }

    [Fact]
    public void Contract_conformance_fails_with_the_failed_check_not_with_a_count_of_judged_exchanges()
    {
        var documented = new CheckOutcome("contract.status-documented", false, "2 of 53 exchange(s) failed (seed 1); first: GET /products/x answered 500, not documented",
            [Evidence.Of(Exchange, "GET /products/x answered 500, not documented") with { Passed = false }, Evidence.Note("53 exchange(s) judged with seed 1 (requests digest 1a45160b6fcf)")]);
        var noServerError = new CheckOutcome("contract.headers-documented", true, "all 53 exchange(s) as the contract says",
            [Evidence.Of(Exchange, "valid input (minimal): as documented (200)") with { Passed = true }, Evidence.Note("53 exchange(s) judged with seed 1 (requests digest 1a45160b6fcf)")]);

        var reason = ReasonOf(["contract.status-documented", "contract.headers-documented"], documented, noServerError);

        Assert.StartsWith("2 of 53 exchange(s) failed", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("judged with seed", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_written_before_reasons_were_kept_still_gives_the_evidence_marked_as_the_failure()
    {
        var old = new CriterionResult("c", "C", "api-design", 0, 10, false,
        [
            Evidence.Of(Exchange, "valid input: as documented (200)") with { Passed = true },
            Evidence.Of(Exchange, "body 'key' longer than 64: answered 204") with { Passed = false },
            Evidence.Note("53 exchange(s) judged with seed 1"),
        ]);

        Assert.Equal("body 'key' longer than 64: answered 204", Verdict.ReasonOf(old));
    }

    [Fact]
    public void Evidence_is_grouped_failure_first_identical_exchanges_once_and_passing_ones_counted()
    {
        var pass = Evidence.Of(Exchange, "as documented (200)") with { Passed = true };
        var fail = Evidence.Of(Exchange with { Request = Exchange.Request with { Url = "/x" } }, "answered 500") with { Passed = false };
        var groups = EvidenceGroups.Of([pass, pass, fail with { Check = "a" }, fail with { Check = "b", Summary = "not documented" }, Evidence.Note("53 judged")]);

        var failing = Assert.Single(groups.Failing);
        Assert.Equal(2, failing.Count);
        Assert.Equal(["answered 500", "not documented"], failing.Summaries);
        Assert.Equal(2, groups.PassingCount);
        Assert.Single(groups.Facts);
    }

    [Fact]
    public void A_failing_scenario_step_reproduces_as_a_script_of_the_steps_before_it()
    {
        Evidence Step(int n, string path, bool passed) =>
            Evidence.Of(Exchange with { Curl = $"curl -i 'http://localhost:8080{path}'" }, $"step {n}: GET {path}: {(passed ? "as expected (200)" : "status 200, expected 404")}") with { Passed = passed, Check = "delete-product" };
        var groups = EvidenceGroups.Of([Step(1, "/a", true), Step(2, "/b", true), Step(3, "/c", false)]);

        var script = ReproScript.For(Assert.Single(groups.Failing));

        var lines = script.Split('\n');
        Assert.Equal("#!/bin/sh", lines[0]);
        Assert.True(
            script.IndexOf("localhost:8080/a", StringComparison.Ordinal) < script.IndexOf("localhost:8080/b", StringComparison.Ordinal)
            && script.IndexOf("localhost:8080/b", StringComparison.Ordinal) < script.IndexOf("# step 3: GET /c: the failing request", StringComparison.Ordinal),
            script);
    }

    private static string ReasonOf(string[] checks, params CheckOutcome[] outcomes)
    {
        var rubric = new Rubric("1", [new Criterion("c", "C", "api-design", 10, checks)], []);
        var criterion = Assert.Single(Scorer.Score(rubric, outcomes).Criteria);
        Assert.False(criterion.Passed);
        Assert.All(criterion.Evidence, e => Assert.NotNull(e.Check));
        return Verdict.ReasonOf(criterion);
    }
}
