using System.Text;
using Assessments.Client;
using Assessments.Insight.Sources;
using Assessments.Platform.Database;
using Assessments.Server.Tests.Support;
using Assessments.Similarity;
using Microsoft.Extensions.Hosting;

namespace Assessments.Server.Tests.Similarity;

/// <summary>
/// A server and a worker on a database of their own, the worker with the similarity hook registered
/// as the real worker host registers it: candidates upload through the API, a fake engine grades, and
/// the worker's own step indexes each submission once its report is stored.
/// </summary>
public sealed class GradedCohortFixture : IAsyncLifetime
{
    public const string ChallengeId = "api-design";

    private IHost _worker = null!;

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public string InterviewerToken { get; private set; } = "";

    public IAssessmentsApi Interviewer => Factory.ClientFor(InterviewerToken);

    public IAssessmentsApi Admin => Factory.ClientFor(PlatformFactory.AdminToken);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(nameof(GradedCohortFixture));
        Factory = new PlatformFactory(Database);
        InterviewerToken = (await Admin.CreateUserAsync(new CreateUserRequest("iris", Roles.Interviewer))).Token;
        _worker = await InProcessWorker.StartAsync(Database, "similarity-worker", new FakeGradingEngine("similarity"), services: s => s.AddCohortSimilarity());
    }

    public async Task<CreatedInvitation> InviteAsync(string name) =>
        await Interviewer.CreateInvitationAsync(new CreateInvitationRequest(ChallengeId, name));

    public static IReadOnlyList<SourceFile> Reference(string level) =>
        SubmissionSources.FromFolder(Path.Combine(RepositoryPaths.Challenges, ChallengeId, "reference", level)).Files;

    /// <summary>Uploads the files as the candidate and waits until the worker has graded the submission and indexed it.</summary>
    public async Task<Guid> HandInAsync(CreatedInvitation candidate, IReadOnlyList<SourceFile> files)
    {
        var archive = Archives.Zip([("Dockerfile", Archives.Dockerfile), .. files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text)))]);
        using var body = new MemoryStream(archive);
        var id = (await Factory.ClientFor(candidate.Token).UploadSubmissionAsync(body)).Id;
        await Eventually.GetAsync(() => IndexedAsync(id), indexed => indexed is not null, TimeSpan.FromSeconds(60), $"submission {id} graded, then indexed by the worker");
        return id;
    }

    /// <summary>What the challenge's index holds for a submission; null until the worker has indexed it.</summary>
    public async Task<IndexedSubmission?> IndexedAsync(Guid submissionId)
    {
        await using var command = Database.DataSource.CreateCommand(
            "select algorithm_version, paths, limits_reached from similarity_documents where submission_id = $1").With(submissionId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new IndexedSubmission(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<string[]>(2))
            : null;
    }

    /// <summary>Makes every stored fingerprint of the challenge look as if an earlier algorithm version had made it.</summary>
    public async Task FingerprintWithAsync(string algorithmVersion)
    {
        await using var command = Database.DataSource.CreateCommand(
            "update similarity_documents set algorithm_version = $2 where challenge_id = $1").With(ChallengeId, algorithmVersion);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stores a pair's similarity with all the digits the comparer gives, more than the API shows.</summary>
    public async Task StoreSimilarityAsync(Guid pairId, double similarity)
    {
        await using var command = Database.DataSource.CreateCommand("update similarity_pairs set similarity = $2 where id = $1").With(pairId, (float)similarity);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A submission's row in the similarity index: the version that fingerprinted it, the files read, the insight limits it reached.</summary>
public sealed record IndexedSubmission(string AlgorithmVersion, IReadOnlyList<string> Paths, IReadOnlyList<string> LimitsReached);
