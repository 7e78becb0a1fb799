using System.Formats.Tar;
using System.Net;
using Assessments.Client;
using Assessments.Domain.Reports;

namespace Assessments.Server.Tests;

/// <summary>A server whose upload limit is small enough to cross in a test.</summary>
public sealed class SmallUploadLimit : PlatformSeed
{
    public const long MaxUploadBytes = 64 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Assessments:MaxUploadBytes"] = MaxUploadBytes.ToString(),
        ["Assessments:MaxQueueDepth"] = "50",
    };
}

/// <summary>Uploads: limits answer 413, hostile archives 400 with the reason, and neither stores nor queues anything.</summary>
public sealed class UploadTests(SmallUploadLimit seed) : IClassFixture<SmallUploadLimit>
{
    public static TheoryData<string, byte[], string> HostileArchives()
    {
        var escapee = $"assess-escape-{Guid.NewGuid():n}.txt";
        return new()
        {
            { "path traversal", Archives.Zip(("Dockerfile", Archives.Dockerfile), ($"../../../../../../tmp/{escapee}", Archives.Text("out"))), "'..'" },
            { "absolute path", Archives.Zip(("Dockerfile", Archives.Dockerfile), ($"/tmp/{escapee}", Archives.Text("out"))), "absolute" },
            { "symbolic link", Archives.TarGz(tar =>
                {
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(Archives.Dockerfile) });
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "passwd") { LinkName = "/etc/passwd" });
                }), "links" },
            { "too many entries", Archives.TarGz(tar =>
                {
                    for (var i = 0; i < 2_001; i++)
                    {
                        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"f{i}") { DataStream = new MemoryStream([]) });
                    }
                }), "more than 2,000" },
            { "compression bomb", Archives.Zip(("Dockerfile", Archives.Dockerfile), ("zeros.bin", new byte[8 * 1024 * 1024])), "compression ratio" },
            { "not an archive", Archives.Text("just some text, not a zip"), "must be a folder, a .zip or a .tar.gz" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task A_hostile_archive_is_refused_with_400_and_its_reason_and_nothing_is_stored(string kind, byte[] archive, string reason)
    {
        var invitation = await NewCandidateAsync(kind);
        var before = await CountsAsync();
        var tempBefore = TempFolders();

        using var response = await Upload(invitation.Token, archive);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(Directory.GetFiles("/tmp", "assess-escape-*"));
        Assert.Empty(TempFolders().Except(tempBefore));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_nothing_is_stored_or_queued()
    {
        var invitation = await NewCandidateAsync("big");
        var before = await CountsAsync();
        var random = new byte[SmallUploadLimit.MaxUploadBytes + 1];
        Random.Shared.NextBytes(random);

        using var declared = await Upload(invitation.Token, Archives.Zip(("Dockerfile", Archives.Dockerfile), ("noise.bin", random)));
        using var chunked = await Upload(invitation.Token, Archives.Zip(("Dockerfile", Archives.Dockerfile), ("noise.bin", random)), declareLength: false);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_second_upload_while_one_is_queued_is_refused_with_409()
    {
        var invitation = await NewCandidateAsync("eager");
        using var first = await Upload(invitation.Token, Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        var before = await CountsAsync();

        using var second = await Upload(invitation.Token, Archives.Zip(("Dockerfile", Archives.Dockerfile)));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after()
    {
        // given: the queue already holds as many waiting gradings as the server allows
        await using (var fill = seed.Database.DataSource.CreateCommand("""
            with filler as (
                insert into submissions (id, challenge_id, kind, calibration_run_id, reference_name, expected_level, archive, archive_bytes, content_sha256)
                select gen_random_uuid(), 'api-design', 'calibration', $1, 'filler', 'junior', '\x00', 1, '' from generate_series(1, 60)
                returning id)
            insert into grading_jobs (id, submission_id, state, max_attempts)
            select gen_random_uuid(), id, 'queued', 3 from filler
            """))
        {
            fill.Parameters.Add(new Npgsql.NpgsqlParameter { Value = seed.CalibrationRun });
            await fill.ExecuteNonQueryAsync();
        }

        try
        {
            var invitation = await NewCandidateAsync("queue-full");
            using var response = await Upload(invitation.Token, Archives.Zip(("Dockerfile", Archives.Dockerfile)));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        }
        finally
        {
            await using var batch = seed.Database.DataSource.CreateBatch();
            batch.BatchCommands.Add(new("delete from grading_jobs where submission_id in (select id from submissions where reference_name = 'filler')"));
            batch.BatchCommands.Add(new("delete from submissions where reference_name = 'filler'"));
            await batch.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_candidate_sees_published_checks_and_only_a_count_of_hidden_ones()
    {
        var invitation = await NewCandidateAsync("feedback");
        var candidate = seed.Factory.ClientFor(invitation.Token);
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        var submission = await candidate.UploadSubmissionAsync(archive);
        await seed.FinishWithReportAsync(submission.Id, FakeReports.With(ReportStatus.Graded, Domain.Scoring.Level.Junior, 55));

        var feedback = await candidate.GetFeedbackAsync(submission.Id);
        using var raw = seed.Factory.HttpFor(invitation.Token);
        var json = await raw.GetStringAsync($"/api/me/submissions/{submission.Id}/feedback");

        Assert.Equal(SubmissionStates.Finished, feedback.State);
        Assert.Equal("graded", feedback.ReportStatus);
        Assert.Equal(["contract.no-server-error"], feedback.Checks.Select(c => c.Id));
        Assert.Equal(1, feedback.HiddenChecks);
        Assert.True(feedback.VisiblePoints > 0 && feedback.VisiblePoints < feedback.VisibleMaxPoints, $"{feedback.VisiblePoints} of {feedback.VisibleMaxPoints}");
        Assert.DoesNotContain("SECRET DETAIL", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden.secret-check", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"level\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_an_archive_is_refused_by_the_name_the_candidate_chose()
    {
        var invitation = await NewCandidateAsync("wrong file");
        using var http = seed.Factory.HttpFor(invitation.Token);
        using var content = new ByteArrayContent(Archives.Text("my notes, not an archive"));
        content.Headers.ContentType = new("application/octet-stream");
        content.Headers.Add("X-Upload-Name", Uri.EscapeDataString("notes for review.txt"));

        using var response = await http.PostAsync("/api/me/submissions", content);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'notes for review.txt'", body, StringComparison.Ordinal);
        Assert.DoesNotContain("submission.archive", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_candidate_kit_downloads_with_brief_contract_starter_checks_and_readme()
    {
        var invitation = await NewCandidateAsync("kit");
        using var http = seed.Factory.HttpFor(invitation.Token);

        using var response = await http.GetAsync("/api/me/kit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "api-design/README.md", "api-design/brief.md", "api-design/openapi.yaml", "api-design/CHECKS.md", "api-design/starter/Dockerfile", "api-design/starter/.dockerignore", "api-design/scenarios.yaml" });
        Assert.DoesNotContain(names, n => n.Contains("/reference/", StringComparison.Ordinal));
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "api-design/starters/python/main.py", "api-design/starters/python/Dockerfile", "api-design/starters/go/main.go", "api-design/starters/go/go.mod",
            "api-design/starters/node/server.js", "api-design/starters/node/package.json", "api-design/starters/node/Dockerfile",
            "api-design/starters/java/Main.java", "api-design/starters/java/Dockerfile" });
    }

    [Fact]
    public async Task The_starter_downloads_in_the_language_asked_for_and_an_unknown_one_is_answered_with_those_offered()
    {
        var invitation = await NewCandidateAsync("polyglot");
        using var http = seed.Factory.HttpFor(invitation.Token);

        using var go = await http.GetAsync("/api/me/starter?language=go");
        using var csharp = await http.GetAsync("/api/me/starter");
        using var cobol = await http.GetAsync("/api/me/starter?language=cobol");

        Assert.Equal(HttpStatusCode.OK, go.StatusCode);
        Assert.Equal("api-design-starter-go.zip", go.Content.Headers.ContentDisposition?.FileNameStar ?? go.Content.Headers.ContentDisposition?.FileName);
        using (var zip = new System.IO.Compression.ZipArchive(await go.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(["Dockerfile", "go.mod", "main.go"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }

        using (var zip = new System.IO.Compression.ZipArchive(await csharp.Content.ReadAsStreamAsync()))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "Program.cs");
        }

        Assert.Equal(HttpStatusCode.BadRequest, cobol.StatusCode);
        Assert.Contains("csharp, go, java, node, python", await cobol.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<CreatedInvitation> NewCandidateAsync(string name) =>
        await seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", name));

    private async Task<HttpResponseMessage> Upload(string token, byte[] archive, bool declareLength = true)
    {
        using var http = seed.Factory.HttpFor(token);
        HttpContent content = declareLength ? new ByteArrayContent(archive) : new StreamContent(new UnknownLengthStream(archive));
        content.Headers.ContentType = new("application/octet-stream");
        return await http.PostAsync("/api/me/submissions", content);
    }

    private async Task<(long Submissions, long Jobs)> CountsAsync() =>
        (await seed.Database.CountAsync("submissions"), await seed.Database.CountAsync("grading_jobs"));

    private static HashSet<string> TempFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "assess-upload-*").Concat(Directory.GetDirectories(Path.GetTempPath(), "assess-submission-*")).ToHashSet();

    /// <summary>A body sent chunked, without Content-Length, so the server must count bytes as they arrive.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
