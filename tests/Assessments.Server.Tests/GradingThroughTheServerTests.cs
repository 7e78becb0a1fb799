using Assessments.Client;
using Assessments.Reporting;
using Assessments.Server.Tests.Support;
using Xunit.Abstractions;

namespace Assessments.Server.Tests;

/// <summary>Real gradings (Docker) run one at a time: two at once on a small machine would starve the load stage.</summary>
[CollectionDefinition(Name)]
public sealed class DockerGradings
{
    public const string Name = "Docker gradings";
}

/// <summary>
/// The whole path through the HTTP API with the typed client: an interviewer invites, the candidate
/// uploads the starter kit, a real worker process grades it with the real grader, and both read the result.
/// </summary>
[Collection(DockerGradings.Name)]
public sealed class GradingThroughTheServerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("EndToEnd");
        _server = new PlatformFactory(_database, new Dictionary<string, string?> { ["Assessments:MaxAttempts"] = "4" });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Invite_upload_grade_and_report_through_the_api()
    {
        // given: an interviewer and an invited candidate
        var admin = _server.ClientFor(PlatformFactory.AdminToken);
        var interviewerToken = (await admin.CreateUserAsync(new CreateUserRequest("irene", Roles.Interviewer))).Token;
        var interviewer = _server.ClientFor(interviewerToken);
        var invitation = await interviewer.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Grace"));
        var candidate = _server.ClientFor(invitation.Token);
        Assert.Equal("api-design", (await candidate.GetAssignmentAsync()).ChallengeId);

        // when: the candidate uploads the starter kit and a worker grades it
        using var worker = WorkerProcess.Start(_database, "e2e-worker", leaseSeconds: 60, heartbeatSeconds: 5);
        using var archive = new MemoryStream(Archives.ZipFolder(Path.Combine(RepositoryPaths.Challenges, "api-design", "starter")));
        var accepted = await candidate.UploadSubmissionAsync(archive);
        Assert.Equal(SubmissionStates.Queued, accepted.State);
        SubmissionStatus status;
        try
        {
            status = await Eventually.GetAsync(
                () => candidate.GetMySubmissionAsync(accepted.Id),
                s => s.State is SubmissionStates.Finished or SubmissionStates.Failed,
                TimeSpan.FromMinutes(8),
                "the grading",
                TimeSpan.FromSeconds(1));
        }
        finally
        {
            output.WriteLine(worker.Output);
        }

        // then: the starter grades not-yet, the candidate sees feedback, the interviewer the whole report
        Assert.Equal(SubmissionStates.Finished, status.State);
        Assert.Equal("graded", status.ReportStatus);
        var feedback = await candidate.GetFeedbackAsync(accepted.Id);
        Assert.NotEmpty(feedback.Checks);
        Assert.True(feedback.HiddenChecks > 0);
        var report = ReportJson.Deserialize(await interviewer.GetReportJsonAsync(accepted.Id));
        Assert.Equal("not-yet", Domain.Scoring.LevelNames.ToName(report.Level));
        Assert.Equal("api-design", report.Challenge.Id);
        Assert.Contains("<html", await interviewer.GetReportHtmlAsync(accepted.Id), StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single(await interviewer.ListSubmissionsAsync(challenge: "api-design", level: "not-yet"));
        Assert.Equal(accepted.Id, listed.Id);

        // and: an override and a note are kept and audited
        var overridden = await interviewer.OverrideLevelAsync(accepted.Id, new LevelOverrideRequest("junior", "explained the missing pieces well in the interview"));
        await interviewer.AddNoteAsync(accepted.Id, new NoteRequest("good instincts on error handling"));
        Assert.Equal("junior", overridden.OverrideLevel);
        Assert.Single(await interviewer.ListNotesAsync(accepted.Id));
        var audit = await admin.ListAuditAsync();
        Assert.Contains(audit, e => e.Action == "level.override" && e.EntityId == accepted.Id.ToString() && e.After?.GetProperty("level").GetString() == "junior");
        Assert.Contains(audit, e => e.Action == "note.add");
        Assert.Contains(audit, e => e.Action == "invitation.create");
        await using var jobOf = _database.DataSource.CreateCommand($"select id, attempt from grading_jobs where submission_id = '{accepted.Id}'");
        await using var job = await jobOf.ExecuteReaderAsync();
        await job.ReadAsync();
        Assert.Equal((0, 0, 0), await DockerLeftovers.OfAsync($"{job.GetGuid(0):n}-{job.GetInt32(1)}"));
    }
}
