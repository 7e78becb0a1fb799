using Refit;

namespace Assessments.Client;

/// <summary>
/// The platform server's HTTP API, typed. Every call sends the bearer token the client was created
/// with (see <see cref="AssessmentsClient"/>); a non-success answer throws <see cref="ApiException"/>.
/// </summary>
public interface IAssessmentsApi
{
    [Get("/api/challenges")]
    Task<IReadOnlyList<ChallengeSummary>> ListChallengesAsync(CancellationToken cancellationToken = default);

    [Get("/api/challenges/{id}")]
    Task<ChallengeDetail> GetChallengeAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/challenges/{id}/starter")]
    Task<HttpContent> DownloadStarterAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/challenges/{id}/calibrations")]
    Task<CalibrationRun> StartCalibrationAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/calibrations/{id}")]
    Task<CalibrationRun> GetCalibrationAsync(Guid id, CancellationToken cancellationToken = default);

    [Post("/api/invitations")]
    Task<CreatedInvitation> CreateInvitationAsync([Body] CreateInvitationRequest request, CancellationToken cancellationToken = default);

    [Get("/api/invitations")]
    Task<IReadOnlyList<InvitationSummary>> ListInvitationsAsync(CancellationToken cancellationToken = default);

    [Post("/api/invitations/{id}/revoke")]
    Task<InvitationSummary> RevokeInvitationAsync(Guid id, CancellationToken cancellationToken = default);

    [Get("/api/me")]
    Task<CandidateAssignment> GetAssignmentAsync(CancellationToken cancellationToken = default);

    [Get("/api/me/starter")]
    Task<HttpContent> DownloadMyStarterAsync(CancellationToken cancellationToken = default);

    /// <summary>The candidate kit: brief, contract, starter, visible checks and README, as a zip.</summary>
    [Get("/api/me/kit")]
    Task<HttpContent> DownloadMyKitAsync(CancellationToken cancellationToken = default);

    /// <summary>Uploads a .zip or .tar.gz as the request body (streamed).</summary>
    [Post("/api/me/submissions")]
    [Headers("Content-Type: application/octet-stream")]
    Task<SubmissionStatus> UploadSubmissionAsync([Body] Stream archive, CancellationToken cancellationToken = default);

    [Get("/api/me/submissions")]
    Task<IReadOnlyList<SubmissionStatus>> ListMySubmissionsAsync(CancellationToken cancellationToken = default);

    [Get("/api/me/submissions/{id}")]
    Task<SubmissionStatus> GetMySubmissionAsync(Guid id, CancellationToken cancellationToken = default);

    [Get("/api/me/submissions/{id}/feedback")]
    Task<CandidateFeedback> GetFeedbackAsync(Guid id, CancellationToken cancellationToken = default);

    [Get("/api/submissions")]
    Task<IReadOnlyList<SubmissionSummary>> ListSubmissionsAsync(string? challenge = null, string? state = null, string? level = null, CancellationToken cancellationToken = default);

    [Get("/api/submissions/{id}")]
    Task<SubmissionSummary> GetSubmissionAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The whole report.json as the grader wrote it.</summary>
    [Get("/api/submissions/{id}/report")]
    Task<string> GetReportJsonAsync(Guid id, CancellationToken cancellationToken = default);

    [Get("/api/submissions/{id}/report.html")]
    Task<string> GetReportHtmlAsync(Guid id, CancellationToken cancellationToken = default);

    [Put("/api/submissions/{id}/level")]
    Task<SubmissionSummary> OverrideLevelAsync(Guid id, [Body] LevelOverrideRequest request, CancellationToken cancellationToken = default);

    [Post("/api/submissions/{id}/notes")]
    Task<SubmissionNote> AddNoteAsync(Guid id, [Body] NoteRequest request, CancellationToken cancellationToken = default);

    [Get("/api/submissions/{id}/notes")]
    Task<IReadOnlyList<SubmissionNote>> ListNotesAsync(Guid id, CancellationToken cancellationToken = default);

    [Post("/api/users")]
    Task<CreatedUser> CreateUserAsync([Body] CreateUserRequest request, CancellationToken cancellationToken = default);

    [Get("/api/users")]
    Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken = default);

    [Get("/api/admin/dead-letters")]
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken = default);

    [Get("/api/admin/runners")]
    Task<IReadOnlyList<RunnerWorker>> ListRunnersAsync(CancellationToken cancellationToken = default);

    [Post("/api/admin/dead-letters/{jobId}/retry")]
    Task<SubmissionSummary> RetryDeadLetterAsync(Guid jobId, CancellationToken cancellationToken = default);

    [Get("/api/admin/audit")]
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int? limit = null, CancellationToken cancellationToken = default);

    [Get("/api/submissions/{id}/similar")]
    Task<IReadOnlyList<SimilarPair>> ListSimilarAsync(Guid id, CancellationToken cancellationToken = default);

    [Get("/api/challenges/{id}/similarity")]
    Task<ChallengeSimilarity> GetChallengeSimilarityAsync(string id, double? min = null, CancellationToken cancellationToken = default);

    [Put("/api/similarity/pairs/{id}/review")]
    Task<SimilarPair> ReviewPairAsync(Guid id, [Body] PairReviewRequest request, CancellationToken cancellationToken = default);

    [Post("/api/admin/similarity/{challengeId}/reindex")]
    Task<SimilarityReindex> ReindexSimilarityAsync(string challengeId, CancellationToken cancellationToken = default);
}
