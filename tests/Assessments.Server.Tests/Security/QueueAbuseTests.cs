using System.Net;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>A server whose grading queue holds eight waiting gradings: room for one calibration of api-design (five references), not two.</summary>
public sealed class SmallQueue : PlatformSeed
{
    public const int Cap = 8;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Assessments:MaxQueueDepth"] = Cap.ToString() };
}

/// <summary>Filling the queue past its cap: concurrent uploads, calibrations.</summary>
public sealed class QueueAbuseTests(SmallQueue seed) : IClassFixture<SmallQueue>
{
    [Fact]
    public async Task Six_candidates_uploading_at_once_into_a_queue_with_room_for_one_never_push_it_past_its_cap()
    {
        // given: one grading short of the cap waiting
        await EmptyQueueAsync();
        await QueueSeed.EnqueueAsync(seed.Database, SmallQueue.Cap - 1);
        var candidates = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Uploads.NewCandidateAsync(seed, $"racer {i}")));

        // when: all six upload at the same moment
        var responses = await Task.WhenAll(candidates.Select(c => Uploads.PostAsync(seed, c.Token, Archives.Zip(("Dockerfile", Archives.Dockerfile)))));

        // then: one is queued, five are told to come back later, and the queue is exactly full
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable), r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal(SmallQueue.Cap, await QueuedAsync());
    }

    [Fact]
    public async Task Calibrations_started_into_a_full_queue_are_refused_503_and_only_one_per_challenge_runs_at_a_time()
    {
        // given: a full queue
        await EmptyQueueAsync();
        await QueueSeed.EnqueueAsync(seed.Database, SmallQueue.Cap);
        await MarkQueuedAsNotCalibrationAsync();
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);

        // when: an interviewer starts five calibrations
        var refused = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            refused.Add(await interviewer.PostAsync("/api/challenges/api-design/calibrations", null));
        }

        // then: each is refused with Retry-After and the queue did not grow
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        Assert.Equal(SmallQueue.Cap, await QueuedAsync());

        // and: with room again, one calibration starts and a second of the same challenge is refused while it runs
        await EmptyQueueAsync();
        using var first = await interviewer.PostAsync("/api/challenges/api-design/calibrations", null);
        using var second = await interviewer.PostAsync("/api/challenges/api-design/calibrations", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already under way", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task EmptyQueueAsync()
    {
        await using var command = seed.Database.DataSource.CreateCommand("update grading_jobs set state = 'finished', finished_at = now() where state in ('queued', 'running')");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The filler gradings belong to a calibration run of another challenge, so only the cap can refuse.</summary>
    private async Task MarkQueuedAsNotCalibrationAsync()
    {
        await using var command = seed.Database.DataSource.CreateCommand("""
            update calibration_runs set challenge_id = 'filler'
             where id in (select s.calibration_run_id from submissions s join grading_jobs j on j.submission_id = s.id where j.state = 'queued')
            """);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> QueuedAsync()
    {
        await using var command = seed.Database.DataSource.CreateCommand("select count(*) from grading_jobs where state = 'queued'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
