using System.Text;
using Assessments.Client;
using Assessments.Domain.Challenges;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Insight.Sources;
using Assessments.Server.Challenges;
using Assessments.Similarity;
using Microsoft.Extensions.DependencyInjection;

namespace Assessments.Server.Tests.Similarity;

/// <summary>
/// A server on its own database where candidates upload through the API and each submission is then
/// indexed by the very call the worker makes once a grading is stored (no Docker grading needed).
/// </summary>
public sealed class CohortFixture : IAsyncLifetime
{
    public const string ChallengeId = "api-design";

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public string InterviewerToken { get; private set; } = "";

    public IAssessmentsApi Interviewer => Factory.ClientFor(InterviewerToken);

    public Challenge Challenge => Factory.Services.GetRequiredService<ChallengeCatalog>().Find(ChallengeId)!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(nameof(CohortFixture));
        Factory = new PlatformFactory(Database);
        InterviewerToken = (await Factory.ClientFor(PlatformFactory.AdminToken).CreateUserAsync(new CreateUserRequest("ines", Roles.Interviewer))).Token;
    }

    public async Task<CreatedInvitation> InviteAsync(string name) =>
        await Interviewer.CreateInvitationAsync(new CreateInvitationRequest(ChallengeId, name));

    /// <summary>Uploads the files as the candidate, finishes the grading with a made-up report, and indexes the submission as the worker does.</summary>
    public async Task<(Guid Id, Comparison? Comparison)> SubmitAndIndexAsync(CreatedInvitation candidate, IReadOnlyList<SourceFile> files)
    {
        var archive = Archives.Zip([("Dockerfile", Archives.Dockerfile), .. files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text)))]);
        using var body = new MemoryStream(archive);
        var id = (await Factory.ClientFor(candidate.Token).UploadSubmissionAsync(body)).Id;
        await FinishAsync(id);
        var comparison = await Factory.Services.GetRequiredService<CohortSimilarity>()
            .IndexSubmissionAsync(Challenge, id, SubmissionSources.FromArchive(archive), CancellationToken.None);
        return (id, comparison);
    }

    public async Task<IReadOnlyList<SimilarPair>> SimilarAsync(Guid submission) => await Interviewer.ListSimilarAsync(submission);

    public IReadOnlyList<SourceFile> Reference(string level) =>
        SubmissionSources.FromFolder(Path.Combine(RepositoryPaths.Challenges, ChallengeId, "reference", level)).Files;

    public static IReadOnlyList<SourceFile> Disguised(IReadOnlyList<SourceFile> files, int seed) =>
        files.Select(f => f with { Path = $"src/Renamed{seed}/{Path.GetFileName(f.Path)}", Text = Disguise.Apply(f.Text, seed) }).ToList();

    /// <summary>Finishes the submission's grading as a worker would, so the candidate may upload again.</summary>
    private Task FinishAsync(Guid submissionId) => FinishedGradings.StoreAsync(Database, submissionId);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
