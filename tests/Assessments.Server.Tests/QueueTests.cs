using Assessments.Domain.Reports;
using Assessments.Platform.Database;
using Assessments.Platform.Queue;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests;

/// <summary>The grading queue in PostgreSQL with the real worker loop and a fast fake engine: exactly-once, fencing, retries, dead letters.</summary>
public sealed class QueueTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(nameof(QueueTests));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_workers_grade_a_hundred_queued_jobs_each_exactly_once()
    {
        var jobs = await QueueSeed.EnqueueAsync(_database, 100);
        using var first = await InProcessWorker.StartAsync(_database, "worker-a", new FakeGradingEngine("a"));
        using var second = await InProcessWorker.StartAsync(_database, "worker-b", new FakeGradingEngine("b"));

        await Eventually.GetAsync(() => _database.CountAsync("reports"), n => n == 100, TimeSpan.FromSeconds(90), "100 reports");
        await first.StopAsync();
        await second.StopAsync();

        var ours = FakeGradingEngine.Gradings.Where(g => jobs.Any(j => g.GradingId.StartsWith($"{j:n}-", StringComparison.Ordinal))).ToList();
        Assert.Equal(100, ours.Count);
        Assert.Equal(jobs.Select(j => $"{j:n}-1").Order(), ours.Select(g => g.GradingId).Order());
        Assert.All(ours, g => Assert.Equal(QueueSeed.Archive.Length, g.ArchiveBytes));
        Assert.Contains(ours, g => g.Engine == "a");
        Assert.Contains(ours, g => g.Engine == "b");
        await using var check = _database.DataSource.CreateCommand("select count(*) from grading_jobs where state = 'finished' and attempt = 1");
        Assert.Equal(100L, (long)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_worker_whose_lease_was_taken_over_cannot_write_its_result()
    {
        // given: worker A claims with a short lease and stalls past it; worker B takes the job over
        // (short, but long enough that B's first try still meets A's lease on a busy machine)
        var queue = new GradingQueue(_database.DataSource);
        var job = (await QueueSeed.EnqueueAsync(_database, 1))[0];
        var a = (await queue.ClaimAsync("worker-a", TimeSpan.FromSeconds(2), CancellationToken.None))!;
        Assert.Null(await queue.ClaimAsync("worker-b", TimeSpan.FromSeconds(30), CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var b = (await queue.ClaimAsync("worker-b", TimeSpan.FromSeconds(30), CancellationToken.None))!;

        // when: A comes back and tries to renew, finish or retry
        var renewed = await queue.HeartbeatAsync(a, TimeSpan.FromSeconds(30), CancellationToken.None);
        var stored = await queue.CompleteAsync(a, Finished("from A"), CancellationToken.None);
        var retried = await queue.RetryAsync(a, "late", TimeSpan.Zero, CancellationToken.None);

        // then: A is fenced off on every path; B, the current owner, writes the one report
        Assert.Equal((job, 1, 2), (b.Id, a.Attempt, b.Attempt));
        Assert.False(renewed);
        Assert.False(stored);
        Assert.Equal(RetryOutcome.Fenced, retried);
        Assert.True(await queue.HeartbeatAsync(b, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.True(await queue.CompleteAsync(b, Finished("from B"), CancellationToken.None));
        Assert.False(await queue.CompleteAsync(b, Finished("again"), CancellationToken.None));
        await using var reports = _database.DataSource.CreateCommand("select attempt, report->>'note' from reports");
        await using var reader = await reports.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((2, "from B"), (reader.GetInt32(0), reader.GetString(1)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Platform_faults_are_retried_with_growing_backoff_then_dead_lettered()
    {
        var job = (await QueueSeed.EnqueueAsync(_database, 1, maxAttempts: 3))[0];
        var engine = new FakeGradingEngine("faulty", (_, _) => FakeReports.With(ReportStatus.InfrastructureError, failureMessage: "docker went away"));
        using var worker = await InProcessWorker.StartAsync(_database, "worker-f", engine);

        var final = await Eventually.GetAsync(() => QueueSeed.JobAsync(_database, job), j => j.State == "failed", TimeSpan.FromSeconds(30), "dead letter");
        await worker.StopAsync();

        var attempts = FakeGradingEngine.Gradings.Where(g => g.GradingId.StartsWith($"{job:n}-", StringComparison.Ordinal)).OrderBy(g => g.At).ToList();
        Assert.Equal([$"{job:n}-1", $"{job:n}-2", $"{job:n}-3"], attempts.Select(g => g.GradingId));
        // Backoff 0.3 s, then 0.6 s (doubling), measured between the starts of the attempts.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(300), $"first backoff {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromMilliseconds(600), $"second backoff {(attempts[2].At - attempts[1].At).TotalMilliseconds} ms");
        Assert.Equal(3, final.Attempt);
        Assert.Contains("attempt 3: docker went away", final.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await _database.CountAsync("reports"));
        var dead = Assert.Single(await new GradingQueue(_database.DataSource).DeadLettersAsync(CancellationToken.None));
        Assert.Equal(job, dead.JobId);

        // an admin can queue it again with fresh attempts
        Assert.NotNull(await new GradingQueue(_database.DataSource).RequeueDeadLetterAsync(job, CancellationToken.None));
        Assert.Equal("queued", (await QueueSeed.JobAsync(_database, job)).State);
    }

    [Fact]
    public async Task An_exception_in_the_grader_is_a_platform_fault_and_the_next_attempt_stores_the_report()
    {
        var job = (await QueueSeed.EnqueueAsync(_database, 1))[0];
        var engine = new FakeGradingEngine("flaky", (_, call) => call == 1 ? throw new IOException("disk full") : FakeReports.With(ReportStatus.Graded));
        using var worker = await InProcessWorker.StartAsync(_database, "worker-x", engine);

        var final = await Eventually.GetAsync(() => QueueSeed.JobAsync(_database, job), j => j.State == "finished", TimeSpan.FromSeconds(30), "finished");
        await worker.StopAsync();

        Assert.Equal(2, final.Attempt);
        Assert.Contains("IOException: disk full", final.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await _database.CountAsync("reports"));
    }

    [Theory]
    [InlineData(ReportStatus.BuildFailed)]
    [InlineData(ReportStatus.StartFailed)]
    [InlineData(ReportStatus.Rejected)]
    public async Task A_candidate_fault_is_a_final_result_never_retried(ReportStatus status)
    {
        var job = (await QueueSeed.EnqueueAsync(_database, 1))[0];
        using var worker = await InProcessWorker.StartAsync(_database, $"worker-{status}", new FakeGradingEngine("candidate-fault", (_, _) => FakeReports.With(status)));

        var final = await Eventually.GetAsync(() => QueueSeed.JobAsync(_database, job), j => j.State == "finished", TimeSpan.FromSeconds(30), "finished");
        await Task.Delay(500);
        await worker.StopAsync();

        Assert.Equal(1, final.Attempt);
        Assert.Single(FakeGradingEngine.Gradings, g => g.GradingId.StartsWith($"{job:n}-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_taken_over_after_its_lease_and_the_old_attempt_is_cleaned_up_first()
    {
        // given: a claim whose worker vanished (its lease ran out without a heartbeat)
        var queue = new GradingQueue(_database.DataSource);
        var job = (await QueueSeed.EnqueueAsync(_database, 1))[0];
        await queue.ClaimAsync("vanished", TimeSpan.FromMilliseconds(100), CancellationToken.None);
        await Task.Delay(300);

        using var worker = await InProcessWorker.StartAsync(_database, "worker-t", new FakeGradingEngine("takeover"));
        var final = await Eventually.GetAsync(() => QueueSeed.JobAsync(_database, job), j => j.State == "finished", TimeSpan.FromSeconds(30), "finished");
        await worker.StopAsync();

        Assert.Equal(2, final.Attempt);
        Assert.Contains($"{job:n}-1", FakeGradingEngine.Cleanups);
        Assert.Equal(1, await _database.CountAsync("reports"));
    }

    [Fact]
    public async Task A_lease_that_runs_out_on_the_last_attempt_dead_letters_the_job()
    {
        var queue = new GradingQueue(_database.DataSource);
        var job = (await QueueSeed.EnqueueAsync(_database, 1, maxAttempts: 1))[0];
        await queue.ClaimAsync("vanished", TimeSpan.FromMilliseconds(100), CancellationToken.None);
        await Task.Delay(300);

        Assert.Null(await queue.ClaimAsync("worker-z", TimeSpan.FromSeconds(30), CancellationToken.None));

        var final = await QueueSeed.JobAsync(_database, job);
        Assert.Equal("failed", final.State);
        Assert.Contains("stopped renewing its lease", final.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_claim_dead_letters_an_exhausted_job_announces_it_and_hands_out_the_next_one()
    {
        // given: a job on its last attempt whose worker vanished, and a younger job waiting
        var queue = new GradingQueue(_database.DataSource);
        var exhausted = (await QueueSeed.EnqueueAsync(_database, 1, maxAttempts: 1))[0];
        await queue.ClaimAsync("vanished", TimeSpan.FromMilliseconds(100), CancellationToken.None);
        var waiting = (await QueueSeed.EnqueueAsync(_database, 1))[0];
        await Task.Delay(300);

        // when: the claim is one statement (sweep and claim together)
        var claimed = await queue.ClaimAsync("worker-y", TimeSpan.FromSeconds(30), CancellationToken.None);

        // then: the waiting job is handed out, the exhausted one is failed, and grading.failed says why
        Assert.Equal((waiting, 1), (claimed?.Id, claimed?.Attempt));
        Assert.Equal("failed", (await QueueSeed.JobAsync(_database, exhausted)).State);
        await using var announced = _database.DataSource.CreateCommand("""
            select payload->>'error' from webhook_events
             where type = 'grading.failed' and payload->>'submissionId' = (select submission_id::text from grading_jobs where id = $1)
            """).With(exhausted);
        Assert.Contains("stopped renewing its lease", (string?)await announced.ExecuteScalarAsync(), StringComparison.Ordinal);
    }

    private static FinishedGrading Finished(string note) => new("graded", "junior", 50, $$"""{"note":"{{note}}"}""", "<p>report</p>");
}
