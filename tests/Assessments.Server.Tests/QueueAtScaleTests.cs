using System.Collections.Concurrent;
using System.Diagnostics;
using Assessments.Platform.Queue;
using Assessments.Server.Submissions;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests;

/// <summary>
/// The queue with thousands of jobs and eight workers at once (issue 24): correctness only. How fast it
/// claims is bench/api's question (make bench-api), not a test's.
/// </summary>
public sealed class QueueAtScaleTests : IAsyncLifetime
{
    private static readonly FinishedGrading Instant = new("graded", "junior", 50, """{"note":"instant"}""", "<p>report</p>");

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(nameof(QueueAtScaleTests));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Eight_workers_claim_two_thousand_jobs_each_once_and_the_oldest_first()
    {
        // given: 2,000 queued jobs whose age order is not their id order
        await QueueSeed.EnqueueAsync(_database, 2000);
        await Execute("update grading_jobs set enqueued_at = now() - random() * interval '1 hour'");
        var places = await PlacesInOrderOwedAsync();

        // when: eight workers claim and finish until the queue is empty
        var queue = new GradingQueue(_database.DataSource);
        var claims = new ConcurrentBag<(Guid Job, long Sent, long Answered)>();
        await Task.WhenAll(Enumerable.Range(1, 8).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                var job = await queue.ClaimAsync($"worker-{w}", TimeSpan.FromMinutes(5), CancellationToken.None);
                var answered = Stopwatch.GetTimestamp();
                if (job is null)
                {
                    return;
                }

                claims.Add((job.Id, sent, answered));
                Assert.True(await queue.CompleteAsync(job, Instant, CancellationToken.None));
            }
        })));

        // then: every job claimed exactly once, on its first attempt, and never after a younger one was served
        Assert.Equal(2000, claims.Count);
        Assert.Equal(2000, claims.Select(c => c.Job).Distinct().Count());
        Assert.Equal(2000L, await Scalar("select count(*) from grading_jobs where state = 'finished' and attempt = 1"));
        Assert.Equal(2000L, await _database.CountAsync("reports"));
        Assert.Empty(ClaimsServedAfterAYoungerJob(claims.ToList(), places));
    }

    [Fact]
    public async Task Retention_archives_only_finished_jobs_past_it_and_readers_still_see_them()
    {
        // given: 1,500 finished jobs (more than one archive batch), of which 1,200 finished eight days ago;
        // and old jobs that are queued, running or dead-lettered
        var queue = new GradingQueue(_database.DataSource);
        await QueueSeed.EnqueueAsync(_database, 1500);
        while (await queue.ClaimAsync("worker", TimeSpan.FromMinutes(5), CancellationToken.None) is { } job)
        {
            Assert.True(await queue.CompleteAsync(job, Instant, CancellationToken.None));
        }

        await Execute("update grading_jobs set finished_at = now() - interval '8 days' where id in (select id from grading_jobs order by id limit 1200)");
        var waiting = await QueueSeed.EnqueueAsync(_database, 3);
        await Execute($"update grading_jobs set enqueued_at = now() - interval '30 days' where id in ('{waiting[0]}', '{waiting[1]}', '{waiting[2]}')");
        await Execute($"update grading_jobs set state = 'running', attempt = 1, owner = 'w', lease_until = now() + interval '1 hour' where id = '{waiting[1]}'");
        await Execute($"update grading_jobs set state = 'failed', attempt = 3, finished_at = now() - interval '30 days' where id = '{waiting[2]}'");

        // when
        var moved = await new QueueRetention(_database.DataSource).ArchiveFinishedAsync(TimeSpan.FromDays(7), CancellationToken.None);

        // then: the 1,200 old finished jobs moved, nothing else did, and the view still shows every grading
        Assert.Equal(1200L, moved);
        Assert.Equal(1200L, await _database.CountAsync("grading_jobs_archive"));
        Assert.Equal(0L, await Scalar("select count(*) from grading_jobs_archive where state <> 'finished' or finished_at > now() - interval '7 days'"));
        Assert.Equal(300L, await Scalar("select count(*) from grading_jobs where state = 'finished'"));
        Assert.Equal(["failed", "queued", "running"], await States(waiting));
        Assert.Equal(1503L, await _database.CountAsync("grading_jobs_all"));
        Assert.Equal(1500L, await Scalar("select count(*) from reports r join grading_jobs_all j on j.id = r.job_id"));
        Assert.Equal(0L, await new QueueRetention(_database.DataSource).ArchiveFinishedAsync(TimeSpan.FromDays(7), CancellationToken.None));
        await using var pick = _database.DataSource.CreateCommand("select submission_id from grading_jobs_archive limit 1");
        var archived = (Guid)(await pick.ExecuteScalarAsync())!;
        var summary = await new SubmissionStore(_database.DataSource).FindAsync(archived, CancellationToken.None);
        Assert.Equal(("finished", "graded"), (summary?.State, summary?.ReportStatus));
    }

    /// <summary>
    /// Claims sent after another claim had been answered with a younger job. Overlapping claims may
    /// pass each other (SKIP LOCKED), so only claims that started after the younger one ended count.
    /// </summary>
    private static List<Guid> ClaimsServedAfterAYoungerJob(List<(Guid Job, long Sent, long Answered)> claims, IReadOnlyDictionary<Guid, int> places)
    {
        var answered = claims.OrderBy(c => c.Answered).ToList();
        var late = new List<Guid>();
        var next = 0;
        var youngestServed = -1;
        foreach (var claim in claims.OrderBy(c => c.Sent))
        {
            for (; next < answered.Count && answered[next].Answered < claim.Sent; next++)
            {
                youngestServed = Math.Max(youngestServed, places[answered[next].Job]);
            }

            if (places[claim.Job] < youngestServed)
            {
                late.Add(claim.Job);
            }
        }

        return late;
    }

    private async Task<Dictionary<Guid, int>> PlacesInOrderOwedAsync()
    {
        var places = new Dictionary<Guid, int>();
        await using var command = _database.DataSource.CreateCommand("select id from grading_jobs order by enqueued_at, id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            places.Add(reader.GetGuid(0), places.Count);
        }

        return places;
    }

    private async Task<string[]> States(IEnumerable<Guid> jobs)
    {
        var states = new List<string>();
        foreach (var job in jobs)
        {
            states.Add((await QueueSeed.JobAsync(_database, job)).State);
        }

        return [.. states.Order(StringComparer.Ordinal)];
    }

    private async Task Execute(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> Scalar(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
