using System.Net;
using Assessments.Client;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Platform.Database;
using Assessments.Reporting;
using Assessments.Server.Submissions;
using Assessments.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assessments.Server.Tests.Reports;

/// <summary>
/// Two servers over one database, each with a report in its report cache: a cached report is answered
/// with no database trip at all, yet a new report, a removed submission or a caller without the right to
/// read it is answered as the database says at once (polled for at most five seconds, far below the
/// cache's 30 s time-to-live) on both, because every change is announced by PostgreSQL NOTIFY.
/// </summary>
public sealed class ReportCacheAcrossServersTests() : TwoServersOverOneDatabase("ReportCache")
{
    private static readonly string[] Forms = ["report", "report.html"];

    [Fact]
    public async Task A_cached_report_is_served_without_the_database_and_a_new_grading_replaces_it_at_once_on_both_servers()
    {
        // given: a graded report read on both servers, the second reads from memory
        var id = await GradedSubmissionAsync();
        using var onA = A.HttpFor(await InterviewerAsync());
        using var onB = B.HttpFor(await InterviewerAsync());
        var oldTags = new Dictionary<string, string>();
        foreach (var form in Forms)
        {
            oldTags[form] = await WarmAsync(onA, A, Path(id, form));
            Assert.Equal(oldTags[form], await WarmAsync(onB, B, Path(id, form)));
        }

        // then: with the tables it reads locked by another transaction, both servers still answer at once,
        // so the answer took no query at all (before the cache, each waited for the lock)
        var stored = await StoredAsync(id);
        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var lockTables = new NpgsqlCommand("lock table reports, submissions in access exclusive mode", connection, transaction))
            {
                await lockTables.ExecuteNonQueryAsync();
            }

            foreach (var http in new[] { onA, onB })
            {
                foreach (var form in Forms)
                {
                    using var withinSeconds = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var answer = await http.GetAsync(Path(id, form), withinSeconds.Token);
                    Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                    Assert.Equal(stored[form], await answer.Content.ReadAsStringAsync(withinSeconds.Token));
                }
            }

            await transaction.RollbackAsync();
        }

        // when: a new grading attempt's report replaces the old one
        await RegradeAsync(id, FakeReports.With(ReportStatus.Graded, Level.Senior, 91));

        // then: both servers serve the new report at once, under a new tag; the old tag no longer answers 304
        var regraded = await StoredAsync(id);
        Assert.NotEqual(stored["report"], regraded["report"]);
        foreach (var (server, http) in new[] { (A, onA), (B, onB) })
        {
            foreach (var form in Forms)
            {
                await Eventually.GetAsync(() => BodyAsync(http, Path(id, form)), body => body == regraded[form], AtOnce, $"the new {form} on {Name(server)}", Poll);
                using var revalidated = await SendAsync(http, Path(id, form), oldTags[form]);
                Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
                Assert.NotEqual(oldTags[form], revalidated.Headers.ETag!.Tag);
            }
        }
    }

    [Fact]
    public async Task A_removed_submission_s_cached_report_is_refused_at_once_on_both_servers()
    {
        // given
        var id = await GradedSubmissionAsync();
        using var onA = A.HttpFor(await InterviewerAsync());
        using var onB = B.HttpFor(await InterviewerAsync());
        foreach (var form in Forms)
        {
            await WarmAsync(onA, A, Path(id, form));
            await WarmAsync(onB, B, Path(id, form));
        }

        // when: an operator removes the submission with everything that hangs on it (the API removes none)
        await using (var remove = Database.DataSource.CreateBatch())
        {
            foreach (var table in new[] { "reports", "notes", "grading_jobs", "grading_jobs_archive" })
            {
                remove.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {table} where submission_id = $1") { Parameters = { new() { Value = id } } });
            }

            remove.BatchCommands.Add(new NpgsqlBatchCommand("delete from submissions where id = $1") { Parameters = { new() { Value = id } } });
            await remove.ExecuteNonQueryAsync();
        }

        // then
        foreach (var (server, http) in new[] { (A, onA), (B, onB) })
        {
            foreach (var form in Forms)
            {
                await Eventually.GetAsync(
                    async () => (await http.GetAsync(Path(id, form))).StatusCode, s => s == HttpStatusCode.NotFound, AtOnce, $"the removed {form} on {Name(server)}", Poll);
            }
        }
    }

    [Fact]
    public async Task A_caller_who_may_not_read_a_cached_report_is_refused_even_with_its_current_tag()
    {
        // given: the report cached on both servers by an interviewer who is about to leave, and a candidate
        var id = await GradedSubmissionAsync();
        var leaving = await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("leaving", Roles.Interviewer));
        var candidate = await A.ClientFor(await InterviewerAsync()).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Carla"));
        var servers = new[] { (Server: A, Http: A.HttpFor(leaving.Token)), (Server: B, Http: B.HttpFor(leaving.Token)) };
        var tags = new Dictionary<string, string>();
        foreach (var (server, http) in servers)
        {
            foreach (var form in Forms)
            {
                tags[form] = await WarmAsync(http, server, Path(id, form));
            }
        }

        // when / then: a candidate, nobody and a wrong token are refused, never 304 nor the report
        foreach (var (server, _) in servers)
        {
            using var asCandidate = server.HttpFor(candidate.Token);
            using var anonymous = server.HttpFor(null);
            using var guesser = server.HttpFor("not-a-token-" + Guid.NewGuid().ToString("n"));
            foreach (var form in Forms)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(asCandidate, Path(id, form), tags[form])).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await asCandidate.GetAsync(Path(id, form))).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, Path(id, form), tags[form])).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(guesser, Path(id, form), tags[form])).StatusCode);
            }
        }

        // when: the interviewer who cached it is deleted (in SQL: the API deletes nobody)
        await using (var delete = Database.DataSource.CreateCommand("delete from users where id = $1").With(leaving.Id))
        {
            await delete.ExecuteNonQueryAsync();
        }

        // then: refused at once on both, while the report itself is still cached there
        foreach (var (server, http) in servers)
        {
            foreach (var form in Forms)
            {
                await Eventually.GetAsync(
                    async () => (await SendAsync(http, Path(id, form), tags[form])).StatusCode, s => s == HttpStatusCode.Unauthorized, AtOnce, $"the deleted interviewer on {Name(server)}", Poll);
            }

            Assert.NotNull(Reports(server).Find(id, ReportCache.Form.Json));
            http.Dispose();
        }
    }

    private static ReportCache Reports(PlatformFactory server) => server.Services.GetRequiredService<ReportCache>();

    private string Name(PlatformFactory server) => server == A ? "server A" : "server B";

    private static string Path(Guid id, string form) => $"/api/submissions/{id}/{form}";

    /// <summary>Two reads that succeed under one tag, the second answered from the cache; the tag.</summary>
    private static async Task<string> WarmAsync(HttpClient http, PlatformFactory server, string path)
    {
        await Eventually.GetAsync(() => Task.FromResult(Reports(server).Listening), l => l, TimeSpan.FromSeconds(10), "the report cache listening");
        using var first = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = Reports(server).Loads;
        using var second = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(before, Reports(server).Loads);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        return second.Headers.ETag!.Tag;
    }

    private static async Task<string> BodyAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await http.SendAsync(request);
    }

    /// <summary>report.json and report.html as stored, by the path's last segment.</summary>
    private async Task<Dictionary<string, string>> StoredAsync(Guid id)
    {
        await using var command = Database.DataSource.CreateCommand("select report::text, html from reports where submission_id = $1").With(id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new Dictionary<string, string> { ["report"] = reader.GetString(0), ["report.html"] = reader.GetString(1) };
    }

    /// <summary>What a regrade would do: a new attempt of the submission's grading, whose report replaces the old one.</summary>
    private async Task RegradeAsync(Guid id, GradingReport report)
    {
        await using var regrade = Database.DataSource.CreateBatch();
        regrade.BatchCommands.Add(new NpgsqlBatchCommand("delete from reports where submission_id = $1") { Parameters = { new() { Value = id } } });
        regrade.BatchCommands.Add(new NpgsqlBatchCommand("""
            with job as (update grading_jobs set attempt = attempt + 1, finished_at = now() where submission_id = $1 returning id, attempt)
            insert into reports (submission_id, job_id, attempt, status, level, score, report, html)
            select $1, job.id, job.attempt, $2, $3, $4, $5::jsonb, $6 from job
            """)
        {
            Parameters =
            {
                new() { Value = id },
                new() { Value = report.Status.ToName() },
                new() { Value = report.Level.ToName() },
                new() { Value = report.Score },
                new() { Value = ReportJson.Serialize(report) },
                new() { Value = HtmlReport.Render(report) },
            },
        });
        await regrade.ExecuteNonQueryAsync();
    }

    private async Task<Guid> GradedSubmissionAsync()
    {
        var invitation = await A.ClientFor(await InterviewerAsync()).CreateInvitationAsync(new CreateInvitationRequest("api-design", $"Cached {Guid.NewGuid():n}"));
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        var id = (await A.ClientFor(invitation.Token).UploadSubmissionAsync(archive)).Id;
        await FinishedGradings.StoreAsync(Database, id, FakeReports.With(ReportStatus.Graded, Level.Junior, 55));
        return id;
    }

    private async Task<string> InterviewerAsync()
    {
        _interviewer ??= (await A.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ines", Roles.Interviewer))).Token;
        return _interviewer;
    }

    private string? _interviewer;
}
