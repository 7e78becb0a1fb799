using Assessments.Contract.Tests.Support;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Xunit.Abstractions;

namespace Assessments.Contract.Tests.Mutants;

/// <summary>
/// What makes a finding worth showing: the same seed finds the same thing with the same requests,
/// and the curl command in the report, pasted into a shell against a local run, reproduces it.
/// </summary>
[Collection(DockerBesideCollection.Name)]
public sealed class ReproductionTests(DockerFixture docker, ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_seed_sends_the_same_requests_and_finds_the_same_failures_twice_in_a_row()
    {
        // given a mutant with findings
        var grading = new MutantGrading(docker);
        var root = Directory.CreateTempSubdirectory("assessments-determinism-").FullName;
        try
        {
            var submission = Mutant.LoadAll().Single(m => m.Name == "negative-price-accepted").ApplyTo(grading.Reference, root);

            // when it is graded twice with the same seed
            var first = Findings(await grading.GradeAsync(submission, seed: 42));
            var second = Findings(await grading.GradeAsync(submission, seed: 42));

            // then
            Assert.Contains(first, f => f.StartsWith(ContractChecks.InvalidInputRejected + " failed", StringComparison.Ordinal));
            Assert.Equal(first, second);
            output.WriteLine($"{first.Count} contract findings identical across two gradings with seed 42 ({first.Count(f => f.Contains(" failed", StringComparison.Ordinal))} failing checks)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_checks_curl_command_reproduces_the_failure_against_a_local_run()
    {
        // given a mutant that answers a create with 202 (undocumented), graded, and the same mutant running locally
        var grading = new MutantGrading(docker);
        var root = Directory.CreateTempSubdirectory("assessments-curl-").FullName;
        await using var local = new LocalRun();
        try
        {
            var submission = Mutant.LoadAll().Single(m => m.Name == "create-answers-202").ApplyTo(grading.Reference, root);
            var report = await grading.GradeAsync(submission);
            var failed = report.Contract.Checks.Single(c => c.Id == ContractChecks.StatusDocumented);
            Assert.False(failed.Passed);
            var exchange = failed.Evidence.First(e => e.Exchange?.Response is not null).Exchange!;
            var address = await local.StartAsync(submission, grading.Challenge.Service.Port);

            // when the curl command is pasted into a shell, aimed at the local run
            var curl = exchange.Curl.Replace($"http://localhost:{grading.Challenge.Service.Port}", address.TrimEnd('/'), StringComparison.Ordinal);
            Assert.NotEqual(exchange.Curl, curl);
            var (exitCode, stdout) = await LocalRun.ShellAsync(curl);

            // then it answers the same status the report shows
            output.WriteLine($"{curl}\n=> {stdout.Split('\n')[0]}");
            Assert.Equal(0, exitCode);
            Assert.StartsWith($"HTTP/1.1 {exchange.Response!.Status} ", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Everything about a contract outcome that must not vary between runs: not durations, not response
    // bodies (which carry trace ids), but the verdicts and every request behind them.
    private static List<string> Findings(GradingReport report) =>
        report.Contract.Checks
            .Where(c => c.Id.StartsWith(ContractChecks.Prefix, StringComparison.Ordinal))
            .Select(c => $"{c.Id} {(c.Passed ? "passed" : "failed")}: {c.Summary} | " + string.Join(" | ", c.Evidence.Select(e =>
                e.Exchange is { } x ? $"{e.Summary} [{x.Request.Method} {x.Request.Url} {x.Request.Body} -> {x.Response?.Status}]" : e.Summary)))
            .ToList();
}
