using Assessments.Client;
using Assessments.Domain.Reports;

namespace Assessments.Server.Tests;

/// <summary>Users, invitations and a submission made through the API, shared by the tests of one class.</summary>
public class PlatformSeed : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public string InterviewerToken { get; private set; } = "";

    public CreatedInvitation CandidateA { get; private set; } = null!;

    public CreatedInvitation CandidateB { get; private set; } = null!;

    public Guid SubmissionOfA { get; private set; }

    public Guid CalibrationRun { get; private set; }

    public IAssessmentsApi Admin => Factory.ClientFor(PlatformFactory.AdminToken);

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(GetType().Name);
        Factory = new PlatformFactory(Database, Settings);
        InterviewerToken = (await Admin.CreateUserAsync(new CreateUserRequest("ines", Roles.Interviewer))).Token;
        var interviewer = Factory.ClientFor(InterviewerToken);
        CandidateA = await interviewer.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Ada"));
        CandidateB = await interviewer.CreateInvitationAsync(new CreateInvitationRequest("api-design", "Bob"));
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        SubmissionOfA = (await Factory.ClientFor(CandidateA.Token).UploadSubmissionAsync(archive)).Id;
        CalibrationRun = (await interviewer.StartCalibrationAsync("api-design")).Id;
    }

    /// <summary>Finishes a submission's grading with a made-up report, as a worker would.</summary>
    public Task FinishWithReportAsync(Guid submissionId, GradingReport report) => FinishedGradings.StoreAsync(Database, submissionId, report);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
