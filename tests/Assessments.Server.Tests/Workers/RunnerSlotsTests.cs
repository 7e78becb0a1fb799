using Assessments.Client;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Workers;

/// <summary>
/// The runner workers' grading slots as an operator sees them, on <c>/metrics</c> and the admin API
/// (issue 22): the real worker loop with a slow fake engine against the real PostgreSQL, its slots
/// free, then one busy while it grades, and no record once it stops; a worker killed without stopping
/// turns stale and its slots stop counting.
/// </summary>
public sealed class RunnerSlotsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("RunnerSlots");
        _server = new PlatformFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_shows_its_slots_busy_while_it_grades_and_leaves_no_record_when_it_stops()
    {
        // given a worker with two slots and an engine that takes a few seconds
        var admin = _server.ClientFor(PlatformFactory.AdminToken);
        var worker = await InProcessWorker.StartAsync(_database, "slots-worker", new FakeGradingEngine("slots", duration: TimeSpan.FromSeconds(4)),
            new Dictionary<string, string?> { ["Worker:Slots"] = "2" });
        try
        {
            var idle = await RunnerAsync(admin, r => r?.Busy == 0, "the worker on record");
            Assert.Equal((2, Environment.ProcessorCount, false), (idle.Slots, idle.Cpus, idle.Stale));
            await MetricsSayAsync("assessments_runner_slots{state=\"free\"} 2", "assessments_runner_slots{state=\"busy\"} 0", "assessments_runner_workers{state=\"live\"} 1");

            // when a candidate uploads
            var invitation = await admin.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Busy Bea"));
            using (var archive = new MemoryStream(QueueSeed.Archive))
            {
                await _server.ClientFor(invitation.Token).UploadSubmissionAsync(archive);
            }

            // then one slot is busy while it grades, and free again after
            await RunnerAsync(admin, r => r?.Busy == 1, "one busy slot");
            await MetricsSayAsync("assessments_runner_slots{state=\"busy\"} 1", "assessments_runner_slots{state=\"free\"} 1");
            await RunnerAsync(admin, r => r?.Busy == 0, "the slot free again");
        }
        finally
        {
            await worker.StopAsync();
            worker.Dispose();
        }

        // and a worker that stopped in order leaves nothing behind
        Assert.DoesNotContain(await admin.ListRunnersAsync(), r => r.WorkerId == "slots-worker");
        await MetricsSayAsync("assessments_runner_workers{state=\"live\"} 0", "assessments_runner_slots{state=\"free\"} 0");
    }

    [Fact]
    public async Task A_worker_not_seen_for_three_heartbeats_is_stale_and_its_slots_count_nowhere()
    {
        // given a worker killed an hour ago (its row stayed), with two slots, one of them busy then
        await using (var insert = _database.DataSource.CreateCommand("""
            insert into runner_workers (worker_id, host, cpus, slots, busy, heartbeat_seconds, started_at, seen_at)
            values ('killed-worker', 'runner-7', 4, 2, 1, 15, now() - interval '2 hours', now() - interval '1 hour')
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        // then
        var killed = Assert.Single(await _server.ClientFor(PlatformFactory.AdminToken).ListRunnersAsync());
        Assert.Equal(("killed-worker", "runner-7", true), (killed.WorkerId, killed.Host, killed.Stale));
        await MetricsSayAsync("assessments_runner_workers{state=\"stale\"} 1", "assessments_runner_workers{state=\"live\"} 0", "assessments_runner_slots{state=\"busy\"} 0");
    }

    private static async Task<RunnerWorker> RunnerAsync(IAssessmentsApi admin, Func<RunnerWorker?, bool> done, string what) =>
        (await Eventually.GetAsync(
            async () => (await admin.ListRunnersAsync()).SingleOrDefault(r => r.WorkerId == "slots-worker"), done, TimeSpan.FromSeconds(30), what))!;

    private async Task MetricsSayAsync(params string[] lines)
    {
        using var http = _server.CreateClient();
        var metrics = await http.GetStringAsync("/metrics");
        foreach (var line in lines)
        {
            Assert.Contains(line + "\n", metrics, StringComparison.Ordinal);
        }
    }
}
