using Assessments.Platform.Database;
using Assessments.Server.Tests.Support;
using Xunit.Abstractions;

namespace Assessments.Server.Tests;

/// <summary>
/// A worker process killed with SIGKILL in the middle of a real grading: its lease runs out, another
/// worker removes the orphaned containers and grades again, and exactly one report exists.
/// </summary>
[Collection(DockerGradings.Name)]
public sealed class WorkerKilledMidGradingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("Killed");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_job_whose_worker_was_killed_is_regraded_once_and_its_orphans_are_removed()
    {
        // given: the starter kit queued, and a worker with a short lease grading it
        var job = (await QueueSeed.EnqueueAsync(_database, 1, maxAttempts: 5))[0];
        await using (var archive = _database.DataSource.CreateCommand("update submissions set archive = $1, archive_bytes = length($1)")
            .With(Archives.ZipFolder(Path.Combine(RepositoryPaths.Challenges, "api-design", "starter"))))
        {
            await archive.ExecuteNonQueryAsync();
        }

        var firstAttempt = $"{job:n}-1";
        using var doomed = WorkerProcess.Start(_database, "doomed-worker", leaseSeconds: 6, heartbeatSeconds: 1);
        try
        {
            await Eventually.GetAsync(() => DockerLeftovers.RunningContainersOfAsync(firstAttempt), n => n > 0, TimeSpan.FromMinutes(5), "the first attempt's service container", TimeSpan.FromSeconds(1));
        }
        finally
        {
            output.WriteLine(doomed.Output);
        }

        // when: it is killed with SIGKILL mid-grading, and another worker is running
        doomed.KillHard();
        Assert.True((await DockerLeftovers.OfAsync(firstAttempt)).Containers > 0, "the killed worker left its container behind");
        Assert.Equal(("running", 1), Pick(await QueueSeed.JobAsync(_database, job)));
        using var survivor = WorkerProcess.Start(_database, "survivor", leaseSeconds: 60, heartbeatSeconds: 5);
        try
        {
            await Eventually.GetAsync(() => QueueSeed.JobAsync(_database, job), j => j.State is "finished" or "failed", TimeSpan.FromMinutes(8), "the regrading", TimeSpan.FromSeconds(1));
        }
        finally
        {
            output.WriteLine(survivor.Output);
        }

        // then: graded again on a later attempt, exactly one report, and nothing of the first attempt left
        var final = await QueueSeed.JobAsync(_database, job);
        Assert.Equal("finished", final.State);
        Assert.True(final.Attempt >= 2, $"attempt {final.Attempt}");
        Assert.Equal(1, await _database.CountAsync("reports"));
        Assert.Equal((0, 0, 0), await DockerLeftovers.OfAsync(firstAttempt));
        Assert.Equal((0, 0, 0), await DockerLeftovers.OfAsync($"{job:n}-{final.Attempt}"));
        Assert.Contains("\"Attempt\":2", survivor.Output, StringComparison.Ordinal);
    }

    private static (string, int) Pick((string State, int Attempt, string? LastError) job) => (job.State, job.Attempt);
}
